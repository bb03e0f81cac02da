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
        var body = await api.GetJsonAsync($"/v1/campaigns/1/metrics?version=2&res=daily&start={start}&end={end}&tz=UTC");
        Assert.All(SeriesLengths(body.GetProperty("metric")), length => Assert.Equal(4, length));
        // start, end and res sit beside metric, in Go's time text by default (the definition's examples).
        Assert.Equal("2025-03-01 00:00:00 +0000 UTC", body.GetProperty("start").GetString());
        Assert.Equal("2025-03-05 00:00:00 +0000 UTC", body.GetProperty("end").GetString());
        Assert.Equal("days", body.GetProperty("res").GetString());
        Assert.False(body.GetProperty("metric").TryGetProperty("start", out _));

        var hourly = await api.GetJsonAsync($"/v1/campaigns/1/actions/1/metrics?version=2&res=hours&start={start}&end={start + 5 * 3600}&tz=America/New_York");
        Assert.All(SeriesLengths(hourly.GetProperty("metric")), length => Assert.Equal(6, length));
        Assert.EndsWith("-0500 -05", hourly.GetProperty("start").GetString(), StringComparison.Ordinal);

        // Journey: bare arrays, buckets from the request's own start (10:00Z), nothing echoed.
        var journey = (await api.GetJsonAsync($"/v1/campaigns/1/journey_metrics?start={start}&end={end}&resolution=days")).GetProperty("journey_metric");
        Assert.Equal(["started", "activated", "messaged", "converted", "finished", "exited_early", "never_activated"], journey.EnumerateObject().Select(p => p.Name));
        Assert.All(journey.EnumerateObject(), p => Assert.Equal(4, p.Value.GetArrayLength()));
    }

    [Theory]
    [InlineData(DayOfWeek.Sunday, "2025-03-02T00:00:00+00:00")]
    [InlineData(DayOfWeek.Monday, "2025-03-03T00:00:00+00:00")]
    public async Task Version_2_weeks_start_on_the_configured_day(DayOfWeek weekStart, string expected)
    {
        var options = FakeApiHarness.Options() with { MetricsWeekStart = weekStart, MetricsStartText = FakeCustomerIo.MetricsStartText.Iso8601 };
        await using var api = await FakeApiHarness.StartAsync(options);
        // Tuesday 2025-03-04 10:00Z.
        var body = await api.GetJsonAsync("/v1/campaigns/1/metrics?version=2&res=weeks&start=1741082400&end=1741082400&tz=UTC");
        Assert.Equal(expected, body.GetProperty("start").GetString());
    }

    [Fact]
    public async Task Version_2_can_leave_start_out_and_email_actions_report_language_variants()
    {
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { MetricsStartText = FakeCustomerIo.MetricsStartText.Omitted });
        var campaign = api.Server.Data.Catalog.Campaigns.First(c => c.Id != api.Server.Data.DeletedCampaignId && c.ActionDetails.Any(a => a.Type == "email"));
        var action = campaign.ActionDetails.First(a => a.Type == "email");
        var body = await api.GetJsonAsync($"/v1/campaigns/{campaign.Id}/actions/{action.Key}/metrics?version=2&res=days&start=1740823200&end=1741082400");
        Assert.False(body.TryGetProperty("start", out _));
        var variants = body.GetProperty("language_variants");
        Assert.True(variants.GetProperty("en").GetProperty("default").GetBoolean());
        Assert.Equal("fr", variants.GetProperty("fr").GetProperty("language").GetString());
        Assert.All(SeriesLengths(variants.GetProperty("fr")), length => Assert.Equal(4, length));
    }

    [Theory]
    [InlineData("&tz=UTC")]
    [InlineData("&version=2")]
    public async Task Journey_metrics_refuse_parameters_the_definition_does_not_declare(string extra)
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var response = await api.Http.GetAsync($"/v1/campaigns/1/journey_metrics?start=1740823200&end=1741082400&resolution=days{extra}");
        Assert.Contains("unknown parameter", await FakeApiHarness.AssertErrorAsync(response, 400), StringComparison.Ordinal);
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
