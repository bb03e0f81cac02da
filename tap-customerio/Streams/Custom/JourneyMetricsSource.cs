using System.Runtime.CompilerServices;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Journey metrics (started, activated, messaged, converted, finished, exited early, never activated per bucket). The
/// definition documents only <c>start</c>, <c>end</c> and <c>resolution</c> (no time zone) and a body of bare arrays
/// under <c>journey_metric</c> (no <c>start</c> echoed), so bucket n is the request's <c>start</c> plus n resolutions,
/// in UTC. The start asked for is aligned to a UTC bucket so the keys stay the same from run to run. Arrays wrapped
/// in <c>series</c> are read too.
/// </summary>
internal sealed class JourneyMetricsSource : IRecordSource
{
    public static readonly JourneyMetricsSource Instance = new();

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var resolution = context.Config.MetricsResolution;
        var start = MetricBuckets.RequestStart(context, TimeZoneInfo.Utc);
        var (request, document) = await MetricRequest.SendAsync(context,
        [
            new("start", MetricRequest.Unix(start)),
            new("end", MetricRequest.Unix(context.Signpost)),
            new("resolution", resolution),
        ], cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        using (document)
        {
            var series = MetricRows.Series(MetricRequest.Envelope(document, context, request));
            yield return MetricRows.FromSeries(series, MetricBuckets.Series(start, resolution, MetricRows.Length(series), TimeZoneInfo.Utc),
                "resolution", resolution);
        }
    }
}
