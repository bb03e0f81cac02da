using System.Runtime.CompilerServices;
using TapCustomerIo.Http;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Period/steps metrics (broadcasts, their actions, newsletters, their variants, transactional messages): the API counts
/// the last <c>steps</c> periods up to now, so a bucket's index shifts every day. Rows are keyed by the bucket's start
/// instead (<see cref="MetricBuckets"/>), which stays the same from run to run.
/// </summary>
internal sealed class PeriodMetricsSource(string path) : IRecordSource
{
    public static StreamDefinition Define(string name, string path, IReadOnlyList<string> parentKeys) =>
        Streams.Define.List(name, path, "metric", [.. parentKeys, "period", "period_start"]) with { Source = new PeriodMetricsSource(path) };

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var period = context.Config.MetricsPeriod;
        var request = new ApiRequest(HttpMethod.Get, context.ResolvePath(path), MetricBuckets.PeriodQuery(context.Config), context.Stream.Name,
            MissingIsEmpty: true);
        using var document = await context.Client.SendAsync(request, cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        var series = MetricRows.Series(Paging.Envelope.Records(document, "metric", request).FirstOrDefault());
        var starts = MetricBuckets.PeriodSeries(context.Signpost, period, MetricRows.Length(series), MetricBuckets.Eastern);
        yield return MetricRows.FromSeries(series, starts, "period", period);
    }
}
