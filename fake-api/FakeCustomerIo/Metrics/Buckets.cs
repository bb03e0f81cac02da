using System.Globalization;

namespace FakeCustomerIo.Metrics;

/// <summary>
/// Time buckets of metric series covering [start, end]: bucket i starts i resolutions after the first. Campaign
/// metrics version 2 align the first to the resolution in the requested time zone (hour, midnight, the configured
/// week start, the 1st); journey metrics start at the request's <c>start</c> itself, in UTC.
/// </summary>
internal sealed record Buckets(IReadOnlyList<DateTimeOffset> Starts, DateTimeOffset End)
{
    public const int MaxBuckets = 10_000;

    /// <summary>Calendar-aligned buckets (campaign metrics version 2).</summary>
    public static Buckets? Aligned(long start, long end, Resolution res, TimeZoneInfo tz, DayOfWeek weekStart)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(start), tz).DateTime;
        var first = res switch
        {
            Resolution.Hours => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
            Resolution.Days => local.Date,
            Resolution.Weeks => local.Date.AddDays(-(((int)local.DayOfWeek - (int)weekStart + 7) % 7)),
            _ => new DateTime(local.Year, local.Month, 1),
        };
        return From(At(first, tz), end, res, tz);
    }

    /// <summary>Buckets from the request's start, in UTC (journey metrics).</summary>
    public static Buckets? FromRequest(long start, long end, Resolution res) =>
        From(DateTimeOffset.FromUnixTimeSeconds(start), end, res, TimeZoneInfo.Utc);

    /// <summary>ISO 8601 with the zone's offset: <c>2025-01-06T00:00:00+00:00</c>.</summary>
    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Go's <c>time.Time.String()</c>: <c>2025-01-06 00:00:00 +0000 UTC</c> (an unnamed zone shows its offset).</summary>
    public static string GoTime(DateTimeOffset t)
    {
        var offset = t.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        var name = t.Offset == TimeSpan.Zero ? "UTC" : offset[..3];
        return $"{t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {offset} {name}";
    }

    private static Buckets? From(DateTimeOffset first, long end, Resolution res, TimeZoneInfo tz)
    {
        var starts = new List<DateTimeOffset>();
        var b = first;
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

    private static DateTimeOffset Next(DateTimeOffset b, Resolution res, TimeZoneInfo tz)
    {
        if (res == Resolution.Hours)
        {
            return TimeZoneInfo.ConvertTime(b.AddHours(1), tz);
        }

        var local = TimeZoneInfo.ConvertTime(b, tz).DateTime;
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
