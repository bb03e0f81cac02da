using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams;

/// <summary>The record-level rules a declaration can ask of the reader: checks, lifted identifiers, dropped repeats.</summary>
internal static class PageRecords
{
    public static void RequireObjects(IReadOnlyList<JsonElement> records, StreamDefinition stream, Http.ApiRequest request)
    {
        foreach (var record in records)
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw new TapException(
                    $"stream '{stream.Name}': {request} answered a '{stream.RecordsKey}' list holding a {record.ValueKind}, not objects; " +
                    "the sync stopped here rather than drop it. Report this with the tap's version.");
            }
        }
    }

    /// <summary>Lifts the properties of nested objects to the top level (kept there too): relationship identifiers.</summary>
    public static IReadOnlyList<JsonElement> Lift(IReadOnlyList<JsonElement> records, IReadOnlyList<string> nested)
    {
        var result = new JsonElement[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var node = JsonSerializer.SerializeToNode(records[i], SingerJsonContext.Default.JsonElement) as JsonObject ?? [];
            foreach (var name in nested)
            {
                if (node[name] is JsonObject inner)
                {
                    foreach (var (key, value) in inner)
                    {
                        if (!node.ContainsKey(key))
                        {
                            node[key] = value?.DeepClone();
                        }
                    }
                }
            }

            result[i] = JsonSerializer.SerializeToElement(node, SingerJsonContext.Default.JsonObject);
        }

        return result;
    }

    /// <summary>Drops the records whose key is in <paramref name="seen"/> or earlier on the page, and adds the rest's keys to it.</summary>
    public static IReadOnlyList<JsonElement> Unseen(IReadOnlyList<JsonElement> records, IReadOnlyList<string> keys, HashSet<string> seen)
    {
        var kept = new List<JsonElement>(records.Count);
        lock (seen)
        {
            foreach (var record in records)
            {
                if (seen.Add(Key(record, keys)))
                {
                    kept.Add(record);
                }
            }
        }

        return kept;
    }

    /// <summary>Drops the records whose key was on the previous page (<paramref name="previous"/>, replaced by this page's keys).</summary>
    public static IReadOnlyList<JsonElement> NotOnPreviousPage(IReadOnlyList<JsonElement> records, IReadOnlyList<string> keys, HashSet<string> previous)
    {
        var current = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<JsonElement>(records.Count);
        foreach (var record in records)
        {
            var key = Key(record, keys);
            if (!previous.Contains(key) && current.Add(key))
            {
                kept.Add(record);
            }
        }

        previous.Clear();
        previous.UnionWith(current);
        return kept;
    }

    /// <summary>A record's key as one string (several properties joined by a unit separator).</summary>
    public static string Key(JsonElement record, IReadOnlyList<string> keys) =>
        keys.Count == 1
            ? (record.TryGetProperty(keys[0], out var only) ? only.ToString() : "")
            : string.Join('\u001f', keys.Select(k => record.TryGetProperty(k, out var v) ? v.ToString() : ""));
}
