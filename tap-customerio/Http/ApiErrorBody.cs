using System.Text.Json;

namespace TapCustomerIo.Http;

/// <summary>
/// Extracts the human text of an error body. The App API answers <c>{"errors":[{"detail":…,"status":…}]}</c>;
/// transactional endpoints use <c>{"meta":{"error":…}}</c> or <c>{"meta":{"errors":[…]}}</c>; proxies send HTML.
/// </summary>
internal static class ApiErrorBody
{
    public static string Describe(ReadOnlySpan<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    return string.Join("; ", errors.EnumerateArray().Select(e =>
                        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("detail", out var d) ? d.ToString() : e.ToString()));
                }

                if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
                {
                    if (meta.TryGetProperty("error", out var error))
                    {
                        return error.ToString();
                    }

                    if (meta.TryGetProperty("errors", out var list))
                    {
                        return list.ToString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        var text = System.Text.Encoding.UTF8.GetString(body).ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : text[..200] + "...";
    }
}
