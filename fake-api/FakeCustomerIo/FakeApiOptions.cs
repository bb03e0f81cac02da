namespace FakeCustomerIo;

/// <summary>Everything that shapes one fake Customer.io App API instance.</summary>
/// <remarks>
/// The same options (seed, scale, anchor) always produce the same data, page tokens and fault schedule, so a test can
/// start two servers and compare them, or build its expectations from <see cref="FakeDataset"/> without HTTP.
/// </remarks>
internal sealed record FakeApiOptions
{
    /// <summary>Seed of the data generator. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many records of each kind exist. Default <see cref="FakeScale.Small"/>.</summary>
    public FakeScale Scale { get; init; } = FakeScale.Small;

    /// <summary>The only key accepted for every /v1 route (<c>Authorization: Bearer …</c>).</summary>
    public string ApiKey { get; init; } = "test-key";

    /// <summary>A valid key whose scope only allows <c>GET /v1/workspaces</c>; anything else answers 403.</summary>
    public string ScopedKey { get; init; } = "scoped-key";

    /// <summary>Strict sliding one-second window per server; 0 disables the limit. Default 10 (the real limit).</summary>
    public int RateLimitPerSecond { get; init; } = 10;

    /// <summary>Added before every /v1 response.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Seeded failure injection. Default: none.</summary>
    public FaultOptions Faults { get; init; } = FaultOptions.None;

    /// <summary>
    /// The dataset's "now": generation 0 ends here. Pinned, every <see cref="FakeDataset.Advance"/> adds exactly
    /// <see cref="FakeDataset.GenerationStep"/> (fully deterministic). Null means the real clock at start, truncated to
    /// the minute, minus one hour, so all data lies in the past except the deliberate future activities; advances then
    /// follow the real clock (new records are newer than every earlier request, see <see cref="Data.GenerationClock"/>).
    /// </summary>
    public DateTimeOffset? Anchor { get; init; }

    /// <summary>
    /// The first day of a week bucket of campaign metrics version 2. Sources disagree (the definition's example starts
    /// on a Monday, the period/steps metrics count from Sunday), so the fake serves either. Default Sunday.
    /// </summary>
    public DayOfWeek MetricsWeekStart { get; init; } = DayOfWeek.Sunday;

    /// <summary>How campaign metrics version 2 write their top-level <c>start</c>/<c>end</c>. Default
    /// <see cref="MetricsStartText.GoTime"/>, as the definition's examples.</summary>
    public MetricsStartText MetricsStartText { get; init; } = MetricsStartText.GoTime;

    /// <summary>
    /// Activity lists (<c>/v1/activities</c>, per person) end with empty pages that each carry a fresh <c>next</c>, as
    /// the real API is reported to do, instead of an empty <c>next</c>. Default false.
    /// </summary>
    public bool ActivitiesEndWithEmptyPages { get; init; }

    /// <summary>
    /// <c>GET /v1/activities?deleted=true</c> lists the deleted activities only, instead of the deleted ones after all
    /// the others (the definition documents the flag only as a boolean). Without it, deleted activities are never listed.
    /// </summary>
    public bool DeletedActivitiesOnly { get; init; }

    /// <summary>
    /// <c>GET /v1/sender_identities?hidden=true</c> lists the hidden senders together with the visible ones (the
    /// published definition's reading) instead of the hidden ones only. Default false.
    /// </summary>
    public bool HiddenSendersIncludeVisible { get; init; }

    /// <summary>How many /v1 exchanges <see cref="Stats.FakeApiStats.Log"/> keeps (request and response in full);
    /// 0, the default, keeps none.</summary>
    public int RequestLogCapacity { get; init; }

    /// <summary>
    /// The fake's clock: the rate limit, the busiest-window statistics and, without an <see cref="Anchor"/>, the
    /// dataset's "now". The composition root: everything else reads time through it (tests pass a fake one).
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    // Response shapes where Customer.io's definition and the clients disagree (issue 11, docs/api-assumptions.md).
    // Defaults are the definition's shape; tests run the affected streams under each.

    /// <summary>Items of GET /v1/customers/{id}/relationships. Default: the definition's.</summary>
    public RelationshipShape Relationships { get; init; } = RelationshipShape.Documented;

    /// <summary>The person's identifiers on transactional deliveries. Default: the definition's schema.</summary>
    public TransactionalIdentifiers TransactionalIdentifiers { get; init; } = TransactionalIdentifiers.CustomerIdentifiers;

    internal DateTimeOffset ResolveAnchor()
    {
        if (Anchor is { } anchor)
        {
            return anchor;
        }

        var now = Time.GetUtcNow();
        var minute = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return minute.AddHours(-1);
    }
}

/// <summary>The text of <c>start</c>/<c>end</c> in campaign metrics version 2.</summary>
internal enum MetricsStartText
{
    /// <summary>Go's default time text, as the definition's examples: <c>2025-01-06 00:00:00 +0000 UTC</c>.</summary>
    GoTime,

    /// <summary>ISO 8601 / RFC 3339 with the zone's offset: <c>2025-01-06T00:00:00+00:00</c>.</summary>
    Iso8601,

    /// <summary>Left out (the definition marks nothing required).</summary>
    Omitted,
}
