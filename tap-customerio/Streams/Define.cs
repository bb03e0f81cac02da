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

    public static StreamDefinition ChildOf(this StreamDefinition stream, string parent, string childField, string parentField = "id") =>
        stream with { Parent = ParentLink.Of(parent, childField, parentField) };

    public static StreamDefinition OptIn(this StreamDefinition stream) => stream with { SelectedByDefault = false };

    /// <summary>A delivery list: server-side windows on <c>created</c>, 1000 a page, re-reading <c>messages_lookback_days</c>.</summary>
    public static StreamDefinition Deliveries(string name, string path) =>
        List(name, path, "messages") with
        {
            ReplicationKey = "created",
            Incremental = Incremental.ServerWindows,
            Paging = PageStyle.Windows(1000),
            Lookback = config => TimeSpan.FromDays(config.MessagesLookbackDays),
        };
}
