using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Hosting;

public sealed class ControlEndpointsTests
{
    [Fact]
    public async Task Stats_count_by_route_template_and_reset_clears_them()
    {
        await using var api = await FakeApiHarness.StartAsync();
        await api.GetJsonAsync("/v1/campaigns/1/actions");
        await api.GetJsonAsync("/v1/campaigns/2/actions");
        await api.GetJsonAsync("/v1/campaigns");

        var stats = await api.GetJsonAsync("/_fake/stats");
        Assert.Equal(3, stats.GetProperty("total_requests").GetInt64());
        Assert.Equal(2, stats.GetProperty("endpoints").GetProperty("GET /v1/campaigns/{id}/actions").GetInt64());
        Assert.Equal(1, stats.GetProperty("endpoints").GetProperty("GET /v1/campaigns").GetInt64());
        Assert.Equal(0, stats.GetProperty("rate_limited").GetInt64());
        Assert.Equal(0, stats.GetProperty("faults").GetInt64());
        Assert.InRange(stats.GetProperty("busiest_window").GetInt64(), 1, 3);

        using var reset = await api.Http.PostAsync("/_fake/stats/reset", null);
        Assert.True(reset.IsSuccessStatusCode);
        Assert.Equal(0, (await api.GetJsonAsync("/_fake/stats")).GetProperty("total_requests").GetInt64());
    }

    [Fact]
    public async Task Advance_over_http_moves_to_the_next_generation()
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var response = await api.Http.PostAsync("/_fake/advance", null);
        var changes = await FakeApiHarness.ReadOkAsync(response, "advance");
        Assert.Equal(1, changes.GetProperty("generation").GetInt32());
        Assert.Equal(JsonValueKind.Array, changes.GetProperty("new_delivery_ids").ValueKind);
        Assert.Equal(1, api.Server.Data.Generation);
    }
}
