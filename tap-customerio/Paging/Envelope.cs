using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Http;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Paging;

/// <summary>Reads the list and the cursor out of a response body.</summary>
internal static class Envelope
{
    public static IReadOnlyList<JsonElement> Records(JsonDocument document, string key, ApiRequest request)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var list))
        {
            throw new TapException(
                $"stream '{request.Stream}': {request} answered without the expected '{key}' list; the API may have changed. " +
                "Nothing was skipped: the sync stopped here. Report this with the tap's version.");
        }

        return list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().ToArray(),
            JsonValueKind.Null => [], // empty lists come back as null (people search, segments, suppressions)
            JsonValueKind.Object => [list], // single-object envelopes (used_by, object attributes)
            _ => throw new TapException(
                $"stream '{request.Stream}': {request} answered '{key}' as {list.ValueKind}, not a list; the sync stopped here."),
        };
    }

    public static string? Next(JsonDocument document) =>
        document.RootElement.TryGetProperty("next", out var next) ? next.ValueKind switch
        {
            JsonValueKind.String => next.GetString(),
            JsonValueKind.Number => next.GetRawText(),
            _ => null,
        } : null;

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
}
