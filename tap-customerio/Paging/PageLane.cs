namespace TapCustomerIo.Paging;

/// <summary>
/// One independent list of a read: the query parameters that select it (a time window's <c>start_ts</c>/<c>end_ts</c>)
/// and, for time windows, the instant it covers through: once it and every earlier lane are read, nothing created up to
/// then can be missing. <see cref="From"/> is a window's first instant (null for other lists).
/// </summary>
internal sealed record PageLane(IReadOnlyList<KeyValuePair<string, string>> Query, DateTimeOffset? Through)
{
    public static readonly IReadOnlyList<PageLane> Whole = [new([], null)];

    public DateTimeOffset? From { get; init; }
}
