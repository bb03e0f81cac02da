using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeCustomerIo.Http;

/// <summary>
/// A 200 JSON response written with <see cref="Utf8JsonWriter"/> straight into the response pipe; big pages call
/// <see cref="FlushIfFullAsync"/> between records so memory stays flat whatever the page size.
/// </summary>
internal sealed class JsonResponse : IAsyncDisposable
{
    // Relaxed escaping keeps cursor tokens readable ("+" instead of "\u002B"), like the real API's output.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    /// <summary>Escapes every non-ASCII character as <c>\uXXXX</c> (the framework's default encoder).</summary>
    public static readonly JsonWriterOptions EscapingOptions = new() { Encoder = JavaScriptEncoder.Default, SkipValidation = true };
    private const int FlushThreshold = 256 * 1024;
    private readonly PipeWriter _pipe;
    private readonly CancellationToken _ct;

    private JsonResponse(HttpContext ctx, bool escapeNonAscii)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        _pipe = ctx.Response.BodyWriter;
        _ct = ctx.RequestAborted;
        Writer = new Utf8JsonWriter(_pipe, escapeNonAscii ? EscapingOptions : WriterOptions);
    }

    public Utf8JsonWriter Writer { get; }

    public static JsonResponse Start(HttpContext ctx, bool escapeNonAscii = false) => new(ctx, escapeNonAscii);

    public async ValueTask FlushIfFullAsync()
    {
        if (Writer.BytesPending < FlushThreshold)
        {
            return;
        }

        Writer.Flush();
        await _pipe.FlushAsync(_ct);
    }

    public async ValueTask DisposeAsync()
    {
        Writer.Flush();
        await Writer.DisposeAsync();
        await _pipe.FlushAsync(_ct);
    }

    /// <summary>Writes a whole small response in one go.</summary>
    public static async Task WriteAsync(HttpContext ctx, Action<Utf8JsonWriter> write, bool escapeNonAscii = false)
    {
        await using var json = Start(ctx, escapeNonAscii);
        write(json.Writer);
    }
}
