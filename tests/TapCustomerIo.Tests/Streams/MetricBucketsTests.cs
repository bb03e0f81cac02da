using TapCustomerIo.Singer;
using TapCustomerIo.Streams.Custom;

namespace TapCustomerIo.Tests.Streams;

public sealed class MetricBucketsTests
{
    private static string[] Series(string now, string period, int count) =>
        MetricBuckets.PeriodSeries(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), period, count, MetricBuckets.Eastern)
            .Select(Rfc3339.Format).ToArray();

    [Fact]
    public void Days_start_at_Eastern_midnight_across_the_spring_change()
    {
        // 2024-03-10: clocks go forward in New York; midnight is 05:00Z before and 04:00Z after.
        Assert.Equal(["2024-03-09T05:00:00Z", "2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z"], Series("2024-03-11T15:00:00Z", "days", 3));
    }

    [Fact]
    public void Days_start_at_Eastern_midnight_across_the_autumn_change()
    {
        Assert.Equal(["2024-11-02T04:00:00Z", "2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z"], Series("2024-11-04T12:00:00Z", "days", 3));
    }

    [Fact]
    public void The_current_day_is_the_Eastern_day_not_the_UTC_day()
    {
        // 02:00Z on the 5th is still the evening of the 4th in New York.
        Assert.Equal(["2024-06-04T04:00:00Z"], Series("2024-06-05T02:00:00Z", "days", 1));
    }

    [Fact]
    public void Weeks_start_on_Sunday_and_months_on_the_first()
    {
        Assert.Equal(["2024-03-03T05:00:00Z", "2024-03-10T05:00:00Z"], Series("2024-03-12T12:00:00Z", "weeks", 2)); // the 10th is a Sunday
        Assert.Equal(["2024-10-01T04:00:00Z", "2024-11-01T04:00:00Z", "2024-12-01T05:00:00Z"], Series("2024-12-15T12:00:00Z", "months", 3));
    }

    [Fact]
    public void Hours_step_in_absolute_time_through_the_change()
    {
        Assert.Equal(["2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z"], Series("2024-03-10T08:30:00Z", "hours", 3));
    }

    [Fact]
    public void Monday_weeks_from_the_stated_start_keep_local_midnight_across_the_autumn_change()
    {
        // 2024-11-03: clocks go back in New York; bucket 0 is the Monday the response's start names.
        var first = DateTimeOffset.Parse("2024-10-28T00:00:00-04:00", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["2024-10-28T04:00:00Z", "2024-11-04T05:00:00Z", "2024-11-11T05:00:00Z"],
            MetricBuckets.Series(first, "weeks", 3, MetricBuckets.Eastern).Select(Rfc3339.Format));
    }

    [Fact]
    public void Journey_buckets_step_from_the_requested_start_in_UTC()
    {
        var start = DateTimeOffset.Parse("2024-03-09T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["2024-03-09T00:00:00Z", "2024-03-10T00:00:00Z", "2024-03-11T00:00:00Z"],
            MetricBuckets.Series(start, "days", 3, TimeZoneInfo.Utc).Select(Rfc3339.Format));
        Assert.Equal(["2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z"], MetricBuckets.Series(start.AddDays(-38), "months", 2, TimeZoneInfo.Utc).Select(Rfc3339.Format));
    }

    [Fact]
    public void Version_2_buckets_step_on_the_local_calendar_of_the_requested_zone()
    {
        var first = DateTimeOffset.Parse("2024-03-09T00:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Equal("2024-03-11T04:00:00Z", Rfc3339.Format(MetricBuckets.Nth(first, "days", 2, zone)));
        Assert.Equal("days", MetricBuckets.Normalize("daily"));
    }
}
