using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>One metrics call for one parent: the stream's path in this context, the query, and the body (null when the
/// parent was deleted since it was listed: 404).</summary>
internal static class MetricRequest
{
    public static async Task<(ApiRequest Request, RawDocument? Document)> SendAsync(ReadContext context,
        IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellation)
    {
        var request = new ApiRequest(HttpMethod.Get, context.ResolvePath(context.Stream.Path), query, context.Stream.Name, MissingIsEmpty: true);
        return (request, await context.Client.SendAsync(request, cancellation).ConfigureAwait(false));
    }

    /// <summary>The object under the stream's envelope (<c>metric</c>, <c>journey_metric</c>).</summary>
    public static RawValue Envelope(RawDocument document, ReadContext context, ApiRequest request) =>
        Paging.Envelope.Records(document, context.Stream.RecordsKey, request).FirstOrDefault();

    public static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
