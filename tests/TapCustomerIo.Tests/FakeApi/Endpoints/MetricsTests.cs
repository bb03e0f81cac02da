using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class MetricsTests
{
    private static IEnumerable<int> SeriesLengths(JsonElement metric) =>
        metric.GetProperty("series").EnumerateObject().Select(s => s.Value.GetArrayLength());

    [Theory]
    [InlineData("", 45)]
    [InlineData("?period=days&steps=0", 45)]
    [InlineData("?period=hours", 24)]
    [InlineData("?period=weeks&steps=5", 5)]
    [InlineData("?period=months", 121)]
    [InlineData("?period=days&steps=1", 2)]
    public async Task Period_steps_series_have_one_value_per_step(string query, int expected)
    {
        await using var api = await FakeApiHarness.StartAsync();
        var metric = (await api.GetJsonAsync($"/v1/broadcasts/{api.Server.Data.Catalog.Broadcasts[0].Id}/metrics{query}")).GetProperty("metric");
        Assert.All(SeriesLengths(metric), length => Assert.Equal(expected, length));
        Assert.Contains("delivered", metric.GetProperty("series").EnumerateObject().Select(s => s.Name));
    }

    [Theory]
    [InlineData("/v1/newsletters/1/metrics?period=days&steps=46")]
    [InlineData("/v1/newsletters/1/metrics?period=hours&steps=25")]
    [InlineData("/v1/newsletters/1/metrics?period=years")]
    [InlineData("/v1/campaigns/1/metrics?version=2&res=days")]
    [InlineData("/v1/campaigns/1/journey_metrics?start=1700000000&end=1700086400")]
    [InlineData("/v1/campaigns/1/journey_metrics?resolution=days")]
    public async Task Bad_metric_parameters_answer_400(string path)
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var response = await api.Http.GetAsync(path);
        await FakeApiHarness.AssertErrorAsync(response, 400);
    }

    [Fact]
    public async Task Version_2_and_journey_metrics_have_one_value_per_bucket_between_start_and_end()
    {
        await using var api = await FakeApiHarness.StartAsync();
        // 2025-03-01T10:00Z .. 2025-03-04T10:00Z covers the UTC days of the 1st, 2nd, 3rd and 4th.
        const long start = 1_740_823_200, end = 1_741_082_400;
        var metric = (await api.GetJsonAsync($"/v1/campaigns/1/metrics?version=2&res=daily&start={start}&end={end}&tz=UTC")).GetProperty("metric");
        Assert.All(SeriesLengths(metric), length => Assert.Equal(4, length));
        Assert.Equal("2025-03-01T00:00:00+00:00", metric.GetProperty("start").GetString());
        Assert.Equal("2025-03-05T00:00:00+00:00", metric.GetProperty("end").GetString());
        Assert.Equal("days", metric.GetProperty("res").GetString());

        var hourly = (await api.GetJsonAsync($"/v1/campaigns/1/actions/1/metrics?version=2&res=hours&start={start}&end={start + 5 * 3600}&tz=America/New_York")).GetProperty("metric");
        Assert.All(SeriesLengths(hourly), length => Assert.Equal(6, length));
        Assert.EndsWith("-05:00", hourly.GetProperty("start").GetString(), StringComparison.Ordinal);

        var journey = (await api.GetJsonAsync($"/v1/campaigns/1/journey_metrics?start={start}&end={end}&resolution=days")).GetProperty("journey_metric");
        Assert.All(SeriesLengths(journey), length => Assert.Equal(4, length));
        Assert.Contains("exited_early", journey.GetProperty("series").EnumerateObject().Select(s => s.Name));
    }

    [Fact]
    public async Task Link_metrics_list_links_with_series()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var links = (await api.GetJsonAsync("/v1/campaigns/1/metrics/links?period=days&steps=7")).GetProperty("links").EnumerateArray().ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l =>
        {
            Assert.Equal(JsonValueKind.Number, l.GetProperty("link").GetProperty("id").ValueKind);
            Assert.All(SeriesLengths(l.GetProperty("metric")), length => Assert.Equal(7, length));
        });
    }
}
