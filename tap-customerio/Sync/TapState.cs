using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Config;
using TapCustomerIo.Singer;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

/// <summary>
/// The Singer state: <c>{"bookmarks": {"&lt;stream&gt;": {"replication_key", "replication_key_value"}}, "currently_syncing"}</c>
/// (the singer-sdk names, which <c>meltano state get</c> users know). Bookmarks of streams not synced this run are kept.
/// A bookmark only moves forward. Thread-safe.
/// </summary>
internal sealed partial class TapState
{
    private readonly JsonObject _value;
    private readonly Lock _lock = new();

    private TapState(JsonObject value) => _value = value;

    public static TapState Empty() => new(new JsonObject { ["bookmarks"] = new JsonObject() });

    public static TapState Load(string path)
    {
        var value = JsonFile.ReadObject(path, "state", "--state", "the last STATE line a previous run printed");
        if (value["singer_state"] is JsonObject wrapped)
        {
            value = wrapped; // Meltano's stored form
        }

        if (value["value"] is JsonObject message && value["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "STATE")
        {
            value = message; // a whole STATE message line
        }

        value = (JsonObject)value.DeepClone();
        var bookmarks = value["bookmarks"];
        if (bookmarks is null)
        {
            value["bookmarks"] = new JsonObject();
        }
        else if (bookmarks is not JsonObject)
        {
            throw new TapException($"state file '{path}': \"bookmarks\" must be an object of streams. Fix it, or remove --state to start over.");
        }

        var state = new TapState(value);
        foreach (var stream in StreamRegistry.All.Where(s => s.IsIncremental))
        {
            _ = state.Read(stream, path);
        }

        return state;
    }

    public DateTimeOffset? Bookmark(StreamDefinition stream)
    {
        lock (_lock)
        {
            return Read(stream, "--state");
        }
    }

    /// <summary>Moves the stream's bookmark to <paramref name="value"/> if that is later than the current one.</summary>
    public bool Advance(StreamDefinition stream, DateTimeOffset value)
    {
        lock (_lock)
        {
            if (Read(stream, "--state") is { } current && current >= value)
            {
                return false;
            }

            _value["bookmarks"]![stream.Name] = KeepVersion(stream.Name, new JsonObject
            {
                ["replication_key"] = stream.ReplicationKey,
                ["replication_key_value"] = Rfc3339.Format(value),
            });
            return true;
        }
    }

    /// <summary>
    /// Writes the state as it is now, with <paramref name="currentlySyncing"/>, straight from the live value (no copy).
    /// Called under the writer's lock (<see cref="SingerWriter.WriteState(Action{Utf8JsonWriter})"/>), so STATE lines
    /// come out in the order their values were read, and since a bookmark only moves forward, never step back.
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer, string? currentlySyncing)
    {
        lock (_lock)
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _value)
            {
                if (name == "currently_syncing")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteString("currently_syncing", currentlySyncing);
            writer.WriteEndObject();
        }
    }

    /// <summary>Reads the SDK form, or the singer-python form <c>{"&lt;replication key&gt;": "…"}</c>.</summary>
    private DateTimeOffset? Read(StreamDefinition stream, string path)
    {
        if (_value["bookmarks"]?[stream.Name] is not { } entry)
        {
            return null;
        }

        var node = entry is JsonObject o ? o["replication_key_value"] ?? o[stream.ReplicationKey!] : entry;
        if (node is null)
        {
            return null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var text) && Rfc3339.TryParse(text, out var time) && time >= DateTimeOffset.UnixEpoch
            ? time
            : throw new TapException(
                $"state file '{path}': the bookmark of stream '{stream.Name}' is not an RFC 3339 date-time after 1970 such as " +
                "2024-01-01T00:00:00Z. Fix it, or delete that stream's entry to sync it from start_date.");
    }
}
