using System.Text.Json;

namespace FakeCustomerIo.Http;

/// <summary>
/// POST bodies are read once by the pipeline (the fault key includes them) and kept in the context. Handlers parse
/// them here: anything but a JSON object answers 400.
/// </summary>
internal static class RequestBody
{
    private const string Key = "fake.body";

    public static async Task<string> ReadAsync(HttpContext ctx)
    {
        if (ctx.Items.TryGetValue(Key, out var cached) && cached is string s)
        {
            return s;
        }

        using var reader = new StreamReader(ctx.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted);
        ctx.Items[Key] = body;
        return body;
    }

    /// <summary>The body if the pipeline has read it (POSTs that passed auth and the rate limit), else "".</summary>
    public static string Cached(HttpContext ctx) => ctx.Items.TryGetValue(Key, out var cached) && cached is string s ? s : "";

    public static async Task<JsonElement> ObjectAsync(HttpContext ctx)
    {
        var body = await ReadAsync(ctx);
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.Clone()
                : throw ApiException.BadRequest("request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("request body is not valid JSON");
        }
    }

    /// <summary>Minified JSON, so the cursor checksum does not depend on whitespace.</summary>
    public static string Canonical(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
