using System.Text;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Stats;

public sealed class RequestLogTests
{
    [Fact]
    public async Task The_log_is_off_by_default()
    {
        await using var api = await FakeApiHarness.StartAsync();

        await api.GetJsonAsync("/v1/campaigns");

        Assert.Null(api.Server.Stats.Log);
    }

    [Fact]
    public async Task Each_exchange_keeps_method_path_query_route_status_and_both_bodies()
    {
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { RequestLogCapacity = 10 });
        using var campaigns = await api.Http.GetAsync("/v1/campaigns?x=1");
        var served = await campaigns.Content.ReadAsByteArrayAsync();
        using var search = await api.PostAsync("/v1/customers?limit=2", """{"filter":{"attribute":{"field":"plan","operator":"eq","value":"platinum"}}}""");
        using var missing = await api.Http.GetAsync("/v1/campaigns/999999/actions");

        var log = api.Server.Stats.Log!.Snapshot();

        Assert.Equal(3, log.Count);
        Assert.Equal(("GET", "/v1/campaigns", "?x=1", "GET /v1/campaigns", 200), (log[0].Method, log[0].Path, log[0].Query, log[0].Route, log[0].Status));
        Assert.Equal(served, log[0].ResponseBody);
        Assert.False(log[0].Truncated);
        Assert.Equal(("POST", """{"filter":{"attribute":{"field":"plan","operator":"eq","value":"platinum"}}}"""), (log[1].Method, log[1].RequestBody));
        Assert.Contains("\"identifiers\"", Encoding.UTF8.GetString(log[1].ResponseBody), StringComparison.Ordinal);
        Assert.Equal(404, log[2].Status);
        Assert.Contains("\"errors\"", Encoding.UTF8.GetString(log[2].ResponseBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_its_capacity_the_log_only_counts()
    {
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { RequestLogCapacity = 2 });
        for (var i = 0; i < 5; i++)
        {
            await api.GetJsonAsync("/v1/workspaces");
        }

        Assert.Equal(2, api.Server.Stats.Log!.Snapshot().Count);
        Assert.Equal(3, api.Server.Stats.Log.Dropped);
        api.Server.Stats.Reset();
        Assert.Empty(api.Server.Stats.Log.Snapshot());
    }
}
