using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Http;

namespace TapCustomerIo.Streams;

/// <summary>What a record source needs to read one stream in one parent context.</summary>
internal sealed record ReadContext(
    StreamDefinition Stream,
    CustomerIoClient Client,
    TapConfig Config,
    ILogger Log,
    IReadOnlyList<KeyValuePair<string, string>> ParentValues,
    IncrementalPolicy Policy,
    bool Emitting)
{
    /// <summary>Records with a replication value at or before this were emitted by an earlier run (null: emit all).</summary>
    public DateTimeOffset? Since => Policy.Since;

    /// <summary>When the parent record was created, where its list says (time windows of a child start there).</summary>
    public DateTimeOffset? ParentCreated { get; init; }

    /// <summary>The time the sync started.</summary>
    public DateTimeOffset Signpost => Policy.Signpost;

    public string? Value(string name)
    {
        foreach (var (key, value) in ParentValues)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The stream's path with <c>{field}</c> placeholders filled from the parent context.</summary>
    public string ResolvePath(string template)
    {
        var path = template;
        foreach (var (key, value) in ParentValues)
        {
            path = path.Replace("{" + key + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }
}
