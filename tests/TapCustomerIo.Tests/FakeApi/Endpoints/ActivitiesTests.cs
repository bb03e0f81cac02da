using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class ActivitiesTests
{
    [Fact]
    public async Task Activities_come_newest_first_with_the_future_ones_on_top()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (items, pages) = await api.WalkAsync("/v1/activities?limit=100", "activities");

        Assert.Equal(data.ActivityIds(), items.Select(a => a.GetProperty("id").GetString()!).ToList());
        Assert.Equal(data.Scale.Activities + 3, items.Count);
        Assert.Equal(8, pages);
        var times = items.Select(a => a.GetProperty("timestamp").GetInt64()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(data.FutureActivityIds, items.Take(3).Select(a => a.GetProperty("id").GetString()!).ToList());
        Assert.All(items.Take(3), a => Assert.True(a.GetProperty("timestamp").GetInt64() > data.AnchorUnix));
        Assert.All(items.Skip(3), a => Assert.True(a.GetProperty("timestamp").GetInt64() <= data.AnchorUnix));
    }

    [Fact]
    public async Task Type_filter_and_per_person_lists_match_the_full_list()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var (all, _) = await api.WalkAsync("/v1/activities?limit=100", "activities");
        static string Id(JsonElement a) => a.GetProperty("id").GetString()!;

        var (events, _) = await api.WalkAsync("/v1/activities?limit=100&type=event", "activities");
        Assert.Equal(all.Where(a => a.GetProperty("type").GetString() == "event").Select(Id), events.Select(Id));

        var cio = all[10].GetProperty("customer_identifiers").GetProperty("cio_id").GetString()!;
        var (mine, _) = await api.WalkAsync($"/v1/customers/{cio}/activities?id_type=cio_id&limit=100", "activities");
        Assert.Equal(all.Where(a => a.GetProperty("customer_identifiers").GetProperty("cio_id").GetString() == cio).Select(Id), mine.Select(Id));
        Assert.NotEmpty(mine);
    }

    [Fact]
    public async Task Activity_records_have_the_documented_shape()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var page = await api.GetJsonAsync("/v1/activities?limit=100");
        foreach (var a in page.GetProperty("activities").EnumerateArray())
        {
            foreach (var field in new[] { "id", "type", "timestamp", "name", "customer_id", "customer_identifiers", "delivery_id", "delivery_type", "data" })
            {
                Assert.True(a.TryGetProperty(field, out _), field);
            }

            Assert.Equal(JsonValueKind.Object, a.GetProperty("data").ValueKind);
        }
    }
}
