using System.Runtime.CompilerServices;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Campaign and campaign-action metrics through version 2 (<c>res</c>, <c>start</c>, <c>end</c>, <c>tz</c>): absolute,
/// time-keyed buckets. The response's top-level <c>start</c> (beside <c>metric</c>, not inside it) is the start of
/// bucket 0 in the API's own calendar (sources disagree on whether weeks start on Sunday or Monday); bucket n is n
/// resolutions later on the requested zone's calendar. Without a readable <c>start</c>, bucket 0 is the start asked for.
/// Action metrics add <c>language_variants</c> (per language, the same series), kept per bucket on each row.
/// </summary>
internal sealed class CampaignMetricsSource : IRecordSource
{
    public static readonly CampaignMetricsSource Instance = new();

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var config = context.Config;
        var resolution = config.MetricsResolution;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config.MetricsTimezone);
        var start = MetricBuckets.RequestStart(context, zone);
        var (request, document) = await MetricRequest.SendAsync(context,
        [
            new("version", "2"),
            new("res", resolution),
            new("start", MetricRequest.Unix(start)),
            new("end", MetricRequest.Unix(context.Signpost)),
            new("tz", config.MetricsTimezone),
        ], cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        using (document)
        {
            var root = document.Root;
            var series = MetricRows.Series(MetricRequest.Envelope(document, context, request));
            var first = root.TryGetProperty("start", out var text) && MetricStartText.TryParse(text, zone, out var stated) ? stated : start;
            var variants = root.TryGetProperty("language_variants", out var languages) ? languages : default;
            yield return MetricRows.FromSeries(series, MetricBuckets.Series(first, resolution, MetricRows.Length(series), zone),
                "resolution", resolution, variants);
        }
    }
}
