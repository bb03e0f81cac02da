using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Link metrics: <c>{"links": [{"link": {"id", "href"}, "metric": {"series": {"clicked": [..]}}}]}</c> over the
/// configured period/steps. One row per link with the total of each metric and the raw series.
/// </summary>
internal sealed class LinkMetricsSource(string path) : IRecordSource
{
    public static StreamDefinition Define(string name, string path, string parentKey) =>
        Streams.Define.List(name, path, "links", parentKey, "link_id") with { Source = new LinkMetricsSource(path) };

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var request = new ApiRequest(HttpMethod.Get, context.ResolvePath(path), MetricBuckets.PeriodQuery(context.Config), context.Stream.Name,
            MissingIsEmpty: true);
        using var document = await context.Client.SendAsync(request, cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        var links = Paging.Envelope.Records(document, "links", request);
        yield return SyntheticRows.Build(writer =>
        {
            foreach (var item in links.Where(l => l.ValueKind == JsonValueKind.Object))
            {
                writer.WriteStartObject();
                if (item.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.Object)
                {
                    if (link.TryGetProperty("id", out var id))
                    {
                        writer.WritePropertyName("link_id");
                        id.WriteTo(writer);
                    }

                    if (link.TryGetProperty("href", out var href))
                    {
                        writer.WritePropertyName("href");
                        href.WriteTo(writer);
                    }
                }

                var series = MetricRows.Series(item.TryGetProperty("metric", out var metric) ? metric : default);
                if (series.ValueKind == JsonValueKind.Object)
                {
                    foreach (var column in series.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Array))
                    {
                        writer.WriteNumber(column.Name, column.Value.EnumerateArray().Sum(v => v.TryGetInt64(out var n) ? n : 0));
                    }

                    writer.WritePropertyName("series");
                    series.WriteTo(writer);
                }

                writer.WriteEndObject();
            }
        });
    }
}
