using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Config;
using TapCustomerIo.Http;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Campaign and campaign-action metrics through version 2 (<c>res</c>, <c>start</c>, <c>end</c>, <c>tz</c>), and journey
/// metrics (<c>resolution</c>, <c>start</c>, <c>end</c>, all required): absolute, time-keyed buckets, so the stream is
/// incremental on <c>period_start</c>. The last two buckets are read again every run because they are still filling.
/// </summary>
internal sealed class CampaignMetricsSource(string path, string resolutionParameter, string envelope, IReadOnlyList<KeyValuePair<string, string>> fixedQuery)
    : IRecordSource
{
    public static StreamDefinition Define(string name, string path, IReadOnlyList<string> parentKeys) =>
        Bucketed(name, path, parentKeys, new CampaignMetricsSource(path, "res", "metric", [new("version", "2")]));

    public static StreamDefinition Bucketed(string name, string path, IReadOnlyList<string> parentKeys, IRecordSource source) =>
        Streams.Define.List(name, path, "metric", [.. parentKeys, "resolution", "period_start"]) with
        {
            Source = source,
            ReplicationKey = "period_start",
            Incremental = Incremental.ClientSide,
            Lookback = TwoBuckets,
        };

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var config = context.Config;
        var resolution = config.MetricsResolution;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config.MetricsTimezone);
        var floor = context.Signpost.AddDays(-config.MetricsDays);
        var from = Max(Max(context.Since ?? floor, floor), config.StartDate);
        var local = MetricBuckets.Truncate(TimeZoneInfo.ConvertTime(from, zone).DateTime, resolution);
        var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
        IReadOnlyList<KeyValuePair<string, string>> query =
        [
            .. fixedQuery,
            new(resolutionParameter, resolution),
            new("start", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("end", context.Signpost.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("tz", config.MetricsTimezone),
        ];
        var request = new ApiRequest(HttpMethod.Get, context.ResolvePath(path), query, context.Stream.Name, MissingIsEmpty: true);
        using var document = await context.Client.SendAsync(request, cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        var metric = Paging.Envelope.Records(document, envelope, request).FirstOrDefault();
        var series = MetricRows.Series(metric);
        var first = metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("start", out var s) && Rfc3339.TryParse(s.GetString(), out var t)
            ? t
            : start;
        var starts = Enumerable.Range(0, MetricRows.Length(series)).Select(i => MetricBuckets.Nth(first, resolution, i, zone)).ToArray();
        yield return MetricRows.FromSeries(series, starts, "resolution", resolution);
    }

    private static TimeSpan TwoBuckets(TapConfig config) => config.MetricsResolution switch
    {
        "hours" => TimeSpan.FromHours(2),
        "days" => TimeSpan.FromDays(2),
        "weeks" => TimeSpan.FromDays(14),
        _ => TimeSpan.FromDays(62),
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
