using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Json;

namespace TapCustomerIo.Paging;

/// <summary>Reads the list and the cursor out of a response body.</summary>
internal static class Envelope
{
    public static IReadOnlyList<RawValue> Records(RawDocument document, string key, ApiRequest request)
    {
        var root = document.Root;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var list))
        {
            throw new TapException(
                $"stream '{request.Stream}': {request} answered without the expected '{key}' list; the API may have changed. " +
                "Nothing was skipped: the sync stopped here. Report this with the tap's version.");
        }

        return list.ValueKind switch
        {
            JsonValueKind.Array => document.Items(list),
            JsonValueKind.Null => [], // empty lists come back as null (people search, segments, suppressions)
            JsonValueKind.Object => [list], // single-object envelopes (used_by, object attributes)
            _ => throw new TapException(
                $"stream '{request.Stream}': {request} answered '{key}' as {list.ValueKind}, not a list; the sync stopped here."),
        };
    }

    public static string? Next(RawDocument document) =>
        document.Root.TryGetProperty("next"u8, out var next) ? next.ValueKind switch
        {
            JsonValueKind.String => next.GetString(),
            JsonValueKind.Number => next.GetRawText(),
            _ => null,
        } : null;
}
