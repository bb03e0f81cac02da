using System.Text.Json;
using TapCustomerIo.Http;

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
}
