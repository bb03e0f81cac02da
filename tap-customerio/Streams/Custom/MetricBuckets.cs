namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Bucket start times of metric series. Customer.io's period/steps metrics count in US Eastern time: days from midnight,
/// weeks from Sunday midnight, months from the 1st, and series are oldest first, ending with the current period.
/// Version 2 and journey series say where they start (the response's <c>start</c>, the request's <c>start</c>) and
/// step from there.
/// Days, weeks and months step on the local calendar, so a bucket after a daylight-saving change still starts at
/// local midnight (23 or 25 hours after the previous one); hours step in absolute time.
/// </summary>
internal static class MetricBuckets
{
    public static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The API's maximum <c>steps</c> per period, also the default the tap asks for.</summary>
    public static int MaxSteps(string period) => period switch
    {
        "hours" => 24,
        "days" => 45,
        "weeks" => 12,
        _ => 121,
    };

    /// <summary>The <c>period</c>/<c>steps</c> query of period metrics and link metrics, from config.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PeriodQuery(Config.TapConfig config) =>
    [
        new("period", config.MetricsPeriod),
        new("steps", (config.MetricsSteps ?? MaxSteps(config.MetricsPeriod)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// Where a version 2 or journey series starts reading: <c>metrics_days</c> before the signpost, or the bookmark (less
    /// the lookback), never before <c>start_date</c>; aligned to the start of its bucket in <paramref name="zone"/>, so a
    /// calendar that anchors buckets at the request's start keeps the same buckets from run to run.
    /// </summary>
    public static DateTimeOffset RequestStart(ReadContext context, TimeZoneInfo zone)
    {
        var config = context.Config;
        var floor = context.Signpost.AddDays(-config.MetricsDays);
        var from = Max(Max(context.Since ?? floor, floor), config.StartDate);
        var local = Truncate(TimeZoneInfo.ConvertTime(from, zone).DateTime, config.MetricsResolution);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Starts of <paramref name="count"/> buckets from <paramref name="first"/>, one resolution apart in <paramref name="zone"/>.</summary>
    public static DateTimeOffset[] Series(DateTimeOffset first, string resolution, int count, TimeZoneInfo zone) =>
        [.. Enumerable.Range(0, count).Select(i => Nth(first, resolution, i, zone))];

    /// <summary>The last two buckets are still filling: a time-keyed metric stream reads them again every run.</summary>
    public static TimeSpan TwoBuckets(Config.TapConfig config) => config.MetricsResolution switch
    {
        "hours" => TimeSpan.FromHours(2),
        "days" => TimeSpan.FromDays(2),
        "weeks" => TimeSpan.FromDays(14),
        _ => TimeSpan.FromDays(62),
    };

    /// <summary>Starts of the <paramref name="count"/> buckets of a period/steps series read at <paramref name="now"/>.</summary>
    public static DateTimeOffset[] PeriodSeries(DateTimeOffset now, string period, int count, TimeZoneInfo zone)
    {
        var current = Truncate(TimeZoneInfo.ConvertTime(now, zone).DateTime, period);
        var starts = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = Add(current, period, i - (count - 1), zone);
        }

        return starts;
    }

    /// <summary>The start of bucket <paramref name="index"/> of a series that begins at <paramref name="first"/>.</summary>
    public static DateTimeOffset Nth(DateTimeOffset first, string period, int index, TimeZoneInfo zone) =>
        Add(TimeZoneInfo.ConvertTime(first, zone).DateTime, period, index, zone);

    /// <summary>The local wall-clock start of the bucket holding <paramref name="local"/>.</summary>
    public static DateTime Truncate(DateTime local, string period) => period switch
    {
        "hours" => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
        "days" => local.Date,
        "weeks" => local.Date.AddDays(-(int)local.DayOfWeek),
        _ => new DateTime(local.Year, local.Month, 1),
    };

    private static DateTimeOffset Add(DateTime localStart, string period, int steps, TimeZoneInfo zone)
    {
        if (period == "hours")
        {
            var utc = new DateTimeOffset(localStart, zone.GetUtcOffset(localStart));
            return utc.AddHours(steps).ToUniversalTime();
        }

        var local = period switch
        {
            "days" => localStart.AddDays(steps),
            "weeks" => localStart.AddDays(7 * steps),
            _ => localStart.AddMonths(steps),
        };
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Accepts the v2 aliases (hourly, daily, weekly, monthly) and returns the plural form.</summary>
    public static string Normalize(string resolution) => resolution switch
    {
        "hourly" or "hour" => "hours",
        "daily" or "day" => "days",
        "weekly" or "week" => "weeks",
        "monthly" or "month" => "months",
        _ => resolution,
    };
}
