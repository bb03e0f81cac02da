using System.Text.Json;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

/// <summary>Cursor paging over a materialised list: the token encodes the offset of the next page.</summary>
internal static class ListPage
{
    public static Task WriteAsync<T>(HttpContext ctx, string envelope, IReadOnlyList<T> items, int limit, NextStyle style) =>
        WriteAsync(ctx, envelope, items, limit, style, (w, item) => JsonSerializer.Serialize(w, item, JsonDefaults.Records));

    public static async Task WriteAsync<T>(HttpContext ctx, string envelope, IReadOnlyList<T> items, int limit, NextStyle style,
        Action<Utf8JsonWriter, T> write)
    {
        var fingerprint = Fingerprint.Of(ctx.Request);
        var offset = Cursor.Start(ctx.Request, fingerprint) ?? 0;
        var end = (int)Math.Min(items.Count, offset + limit);
        await using var json = JsonResponse.Start(ctx);
        var w = json.Writer;
        w.WriteStartObject();
        w.WriteStartArray(envelope);
        for (var i = (int)Math.Min(offset, items.Count); i < end; i++)
        {
            write(w, items[i]);
        }

        w.WriteEndArray();
        NextWriter.Write(w, end < items.Count ? Cursor.Encode(end, fingerprint) : null, style);
        w.WriteEndObject();
    }

    /// <summary>An unpaginated list: <c>{"envelope": [...]}</c>.</summary>
    public static Task WriteAllAsync<T>(HttpContext ctx, string envelope, IEnumerable<T> items) =>
        JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            JsonDefaults.WriteList(w, envelope, items);
            w.WriteEndObject();
        });

    public static Task WriteObjectAsync<T>(HttpContext ctx, string envelope, T item) =>
        JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            JsonDefaults.WriteValue(w, envelope, item);
            w.WriteEndObject();
        });

    /// <summary>A bare JSON value (control endpoints).</summary>
    public static Task WriteValueAsync<T>(HttpContext ctx, T value) =>
        JsonResponse.WriteAsync(ctx, w => JsonSerializer.Serialize(w, value, JsonDefaults.Records));

    /// <summary><c>sort=asc|desc</c> (default asc); anything else is a 400.</summary>
    public static IReadOnlyList<T> Sorted<T>(HttpContext ctx, IReadOnlyList<T> items) => QueryParams.String(ctx.Request, "sort") switch
    {
        null or "" or "asc" => items,
        "desc" => [.. items.Reverse()],
        _ => throw ApiException.BadRequest("sort must be asc or desc"),
    };
}
