using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Singer;
using TapCustomerIo.Streams.Custom;

namespace TapCustomerIo.Tests.Streams;

public sealed class MetricStartTextTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2025-01-06 00:00:00 +0000 UTC", "2025-01-06T00:00:00Z")] // the definition's examples (Go's time text)
    [InlineData("2025-01-06 00:00:00 -0500 EST", "2025-01-06T05:00:00Z")]
    [InlineData("2025-01-06 00:00:00.123456789 -05 -05 m=+0.001", "2025-01-06T05:00:00Z")]
    [InlineData("2025-01-06 00:00:00 UTC", "2025-01-06T00:00:00Z")]
    [InlineData("2025-01-06T00:00:00Z", "2025-01-06T00:00:00Z")]
    [InlineData("2025-01-06T00:00:00-05:00", "2025-01-06T05:00:00Z")]
    [InlineData("2025-01-06T00:00:00.000+0530", "2025-01-05T18:30:00Z")]
    [InlineData("2025-07-06T00:00:00", "2025-07-06T04:00:00Z")] // no offset: wall-clock time in the requested zone
    [InlineData("2025-01-06", "2025-01-06T05:00:00Z")]
    public void Reads_every_form_the_sources_show(string text, string expected)
    {
        Assert.True(MetricStartText.TryParse(text, NewYork, out var start));
        Assert.Equal(expected, Rfc3339.Format(start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2025-13-06 00:00:00 +0000 UTC")]
    [InlineData("2025-01-06 25:00:00 +0000 UTC")]
    public void Rejects_what_is_not_a_date(string text)
    {
        Assert.False(MetricStartText.TryParse(text, NewYork, out _));
    }

    [Fact]
    public void Reads_unix_seconds_and_refuses_other_json_kinds()
    {
        Assert.True(MetricStartText.TryParse(RawDocument.Parse("1736121600").Root, NewYork, out var start));
        Assert.Equal("2025-01-06T00:00:00Z", Rfc3339.Format(start));
        Assert.False(MetricStartText.TryParse(RawDocument.Parse("null").Root, NewYork, out _));
    }
}
