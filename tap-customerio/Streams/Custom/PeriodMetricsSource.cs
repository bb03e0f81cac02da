using System.Runtime.CompilerServices;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Period/steps metrics (broadcasts, their actions, newsletters, their variants, transactional messages): the API counts
/// the last <c>steps</c> periods up to now, so a bucket's index shifts every day. Rows are keyed by the bucket's start
/// instead (<see cref="MetricBuckets"/>), which stays the same from run to run.
/// </summary>
internal sealed class PeriodMetricsSource : IRecordSource
{
    public static readonly PeriodMetricsSource Instance = new();

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var period = context.Config.MetricsPeriod;
        var (request, document) = await MetricRequest.SendAsync(context, MetricBuckets.PeriodQuery(context.Config), cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        using (document)
        {
            var series = MetricRows.Series(MetricRequest.Envelope(document, context, request));
            var starts = MetricBuckets.PeriodSeries(context.Signpost, period, MetricRows.Length(series), MetricBuckets.Eastern);
            yield return MetricRows.FromSeries(series, starts, "period", period);
        }
    }
}
