using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Link metrics: <c>{"links": [{"link": {"id", "href"}, "metric": {"series": {"clicked": [..]}}}]}</c> over the
/// configured period/steps, the same shape under every parent that has links (campaigns, broadcasts, newsletters,
/// their actions and variants, transactional messages). One row per link with the total of each metric and the raw series.
/// </summary>
internal sealed class LinkMetricsSource : IRecordSource
{
    public static readonly LinkMetricsSource Instance = new();

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var (request, response) = await MetricRequest.SendAsync(context, MetricBuckets.PeriodQuery(context.Config), cancellation).ConfigureAwait(false);
        if (response is null)
        {
            yield break;
        }

        using var document = response;
        var links = Paging.Envelope.Records(document, context.Stream.RecordsKey, request);
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
