using System.Globalization;
using System.Text.Json;

namespace FakeCustomerIo.Http;

internal static class ErrorEnvelope
{
    public const string Unauthorized = "Unauthorized request: the API key is invalid, or belongs to another region";
    public const string Forbidden = "Forbidden: the API key's scope does not allow this request";
    public const string RateLimited = "Your request is over the 10-per-second limit.";

    public static byte[] Body(int status, string detail)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("detail", detail);
            w.WriteString("status", status.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static async Task WriteAsync(HttpContext ctx, int status, string detail, string? retryAfter = null)
    {
        var body = Body(status, detail);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = body.Length;
        if (retryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
        }

        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
    }
}
