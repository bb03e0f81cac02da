using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Paging;

/// <summary>
/// The POST searches (<c>/v1/customers</c>, <c>/v1/objects</c>): a JSON body with the filter, the cursor in the query.
/// The next page is asked for before the current one is handed out: the search is a chain of round trips, and the
/// caller's work on a page (fetching profiles, reading children) then overlaps the wait for the next.
/// </summary>
internal static class SearchWalker
{
    public sealed record Page(JsonDocument Document, IReadOnlyList<JsonElement> Items);

    public static async IAsyncEnumerable<Page> WalkAsync(ReadContext context, string path, byte[] body, int limit,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        var guard = new CursorGuard(context.Stream.Name, $"POST {path}");
        var pending = SendAsync(context, path, body, limit, null, cancellation);
        while (await pending.ConfigureAwait(false) is { } answer)
        {
            var (document, request) = answer;
            var items = Envelope.Records(document, "identifiers", request);
            var cursor = guard.Next(Envelope.Next(document), items.Count);
            pending = cursor is null
                ? Task.FromResult<(JsonDocument, ApiRequest)?>(null)
                : SendAsync(context, path, body, limit, cursor, cancellation);
            yield return new Page(document, items);
        }
    }

    private static async Task<(JsonDocument, ApiRequest)?> SendAsync(ReadContext context, string path, byte[] body, int limit, string? cursor,
        CancellationToken cancellation)
    {
        List<KeyValuePair<string, string>> query = [new("limit", limit.ToString(CultureInfo.InvariantCulture))];
        if (cursor is not null)
        {
            query.Add(new("start", cursor));
        }

        var request = new ApiRequest(HttpMethod.Post, path, query, context.Stream.Name, body, MissingIsEmpty: context.Stream.Parent is not null);
        return await context.Client.SendAsync(request, cancellation).ConfigureAwait(false) is { } document ? (document, request) : null;
    }
}
