using System.Globalization;

namespace FakeCustomerIo.Metrics;

/// <summary>
/// Time buckets of campaign metrics version 2 and journey metrics: aligned to the resolution in the requested time
/// zone (hour, midnight, Sunday midnight, the 1st), covering [start, end]. Bucket i starts i resolutions after the
/// first; <c>start</c>/<c>end</c> of the response are the first bucket's start and the last bucket's end, ISO 8601
/// with the zone's offset.
/// </summary>
internal sealed record Buckets(IReadOnlyList<DateTimeOffset> Starts, DateTimeOffset End)
{
    public const int MaxBuckets = 10_000;

    public static Buckets? Compute(long start, long end, Resolution res, TimeZoneInfo tz)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(start), tz).DateTime;
        var first = res switch
        {
            Resolution.Hours => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
            Resolution.Days => local.Date,
            Resolution.Weeks => local.Date.AddDays(-(int)local.DayOfWeek),
            _ => new DateTime(local.Year, local.Month, 1),
        };
        var starts = new List<DateTimeOffset>();
        var b = At(first, tz);
        while (b.ToUnixTimeSeconds() <= end)
        {
            if (starts.Count == MaxBuckets)
            {
                return null;
            }

            starts.Add(b);
            b = Next(b, res, tz);
        }
        return new Buckets(starts, b);
    }

    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Next(DateTimeOffset b, Resolution res, TimeZoneInfo tz)
    {
        if (res == Resolution.Hours)
        {
            return TimeZoneInfo.ConvertTime(b.AddHours(1), tz);
        }

        var local = b.DateTime;
        return At(res switch { Resolution.Days => local.AddDays(1), Resolution.Weeks => local.AddDays(7), _ => local.AddMonths(1) }, tz);
    }

    private static DateTimeOffset At(DateTime local, TimeZoneInfo tz)
    {
        while (tz.IsInvalidTime(local)) // skipped by a daylight-saving jump
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), tz.GetUtcOffset(local));
    }
}
