using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams;

/// <summary>The shared defaults every declaration starts from: a GET list keyed by <c>id</c>, unpaged, full table.</summary>
internal static class Define
{
    public static StreamDefinition List(string name, string path, string recordsKey, params string[] keys) =>
        new() { Name = name, Path = path, RecordsKey = recordsKey, KeyProperties = keys.Length == 0 ? ["id"] : keys };

    /// <summary>A list without a server-side time filter, bookmarked on <paramref name="key"/> by comparing here.</summary>
    public static StreamDefinition UpdatedClientSide(this StreamDefinition stream, string key) =>
        stream with { ReplicationKey = key, Incremental = Incremental.ClientSide };

    /// <summary>A list sent newest first without a time filter, bookmarked on <paramref name="key"/>: reading stops at older records.</summary>
    public static StreamDefinition NewestFirst(this StreamDefinition stream, string key) =>
        stream with { ReplicationKey = key, Incremental = Incremental.NewestFirst };

    /// <summary>How the list is paged. Declare it before <see cref="ChildOf(StreamDefinition, ParentLink)"/>, which adds its 404 rule.</summary>
    public static StreamDefinition Paged(this StreamDefinition stream, PageStyle paging) => stream with { Paging = paging };

    /// <summary>Read once per record of <paramref name="parent"/>; a 404 means that parent was deleted since it was listed.</summary>
    public static StreamDefinition ChildOf(this StreamDefinition stream, ParentLink parent) =>
        stream with { Parent = parent, Paging = stream.Paging with { NotFoundEnds = true } };

    public static StreamDefinition OptIn(this StreamDefinition stream) => stream with { SelectedByDefault = false };

    /// <summary>
    /// A delivery list: server-side windows on <c>created</c>, 1000 a page, re-reading <c>messages_lookback_days</c>
    /// (a delivery's metrics keep changing after it is sent). An empty page with a cursor is normal inside a window.
    /// </summary>
    public static StreamDefinition Deliveries(string name, string path) =>
        List(name, path, "messages").Paged(PageStyle.Windows(1000)) with
        {
            ReplicationKey = "created",
            Lookback = config => TimeSpan.FromDays(config.MessagesLookbackDays),
        };
}
