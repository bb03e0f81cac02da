using System.Text.Json.Nodes;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

/// <summary>
/// Table versions of full-table streams, kept where the singer-io database taps keep them: <c>bookmarks.&lt;stream&gt;.version</c>,
/// beside the stream's bookmark when it has one (an incremental stream forced to FULL_TABLE).
/// </summary>
internal sealed partial class TapState
{
    /// <summary>The version of the stream's last started full-table sync; null when it never had one.</summary>
    public long? Version(string stream)
    {
        lock (_lock)
        {
            if (_value["bookmarks"]?[stream] is not JsonObject entry || entry["version"] is not { } node)
            {
                return null;
            }

            return node is JsonValue v && v.TryGetValue<long>(out var version) && version > 0
                ? version
                : throw new TapException(
                    $"state file: the table version of stream '{stream}' is not a positive whole number (got {node.ToJsonString()}). " +
                    "Fix it, or delete that stream's \"version\" to start a new table version.");
        }
    }

    public void SetVersion(StreamDefinition stream, long version)
    {
        lock (_lock)
        {
            var bookmarks = _value["bookmarks"]!.AsObject();
            if (bookmarks[stream.Name] is not JsonObject entry)
            {
                // A bare bookmark value (singer-python's shortest form) becomes the SDK form, so the version has a place.
                var bare = bookmarks[stream.Name]?.DeepClone();
                entry = bare is null ? [] : new JsonObject { ["replication_key"] = stream.ReplicationKey, ["replication_key_value"] = bare };
                bookmarks[stream.Name] = entry;
            }

            entry["version"] = version;
        }
    }

    /// <summary>A bookmark that moves keeps the stream's table version. Called under the lock.</summary>
    private JsonObject KeepVersion(string stream, JsonObject entry)
    {
        if (_value["bookmarks"]?[stream] is JsonObject old && old["version"] is { } version)
        {
            entry["version"] = version.DeepClone();
        }

        return entry;
    }
}
