using System.Diagnostics;
using FakeCustomerIo;
using FakeCustomerIo.Data;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Data;

[Collection(TimingSensitiveCollection.Name)]
public sealed class DatasetTests
{
    private static readonly DateTimeOffset Anchor = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_seed_serves_the_same_bytes_and_another_seed_other_data()
    {
        await using var a = await FakeApiHarness.StartAsync();
        await using var b = await FakeApiHarness.StartAsync();
        await using var c = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { Seed = 43 });
        foreach (var path in new[] { "/v1/campaigns", "/v1/messages?limit=200", "/v1/activities?limit=100", "/v1/segments/1/membership" })
        {
            var (x, y, z) = (await a.Http.GetStringAsync(path), await b.Http.GetStringAsync(path), await c.Http.GetStringAsync(path));
            Assert.Equal(x, y);
            Assert.NotEqual(x, z);
        }
    }

    [Fact]
    public async Task Bench_scale_starts_at_once_and_serves_a_1000_delivery_page_quickly()
    {
        var clock = Stopwatch.StartNew();
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { Scale = FakeScale.Bench });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"start took {clock.Elapsed}");
        Assert.Equal(1_000_000, api.Server.Data.DeliveryCount);
        clock.Restart();
        var (items, pages) = await api.WalkAsync($"/v1/messages?limit=1000&start_ts={api.Server.Data.AnchorUnix - 4 * 86_400}&end_ts={api.Server.Data.AnchorUnix}", "messages");
        Assert.Equal(api.Server.Data.CountDeliveries(api.Server.Data.AnchorUnix - 4 * 86_400, api.Server.Data.AnchorUnix), items.Count);
        Assert.True(items.Count >= 19_000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{pages} pages took {clock.Elapsed}");
    }

    [Fact]
    public void People_identifiers_are_unique_invertible_and_about_a_fifth_have_no_id()
    {
        var data = new FakeDataset(42, FakeScale.Small, Anchor);
        var people = data.People;
        Assert.Equal(people.Count, data.AllCioIds().Distinct().Count());
        var withoutId = 0;
        for (var p = 0L; p < people.Count; p++)
        {
            Assert.True(people.TryFindByCioId(people.CioId(p), out var byCio) && byCio == p);
            Assert.True(people.TryFindByEmail(people.Email(p), out var byEmail) && byEmail == p);
            if (people.Id(p) is { } id)
            {
                Assert.True(people.TryFindById(id, out var byId) && byId == p);
            }
            else
            {
                withoutId++;
            }

            Assert.True(people.CreatedAt(p) < data.AnchorUnix);
        }
        Assert.InRange(withoutId, people.Count / 7, people.Count / 4);
        Assert.False(people.TryFindByCioId("zzzzzzzzzzzz", out _));
    }

    [Fact]
    public void Delivery_and_activity_times_are_ordered_and_in_the_past_of_the_anchor()
    {
        var data = new FakeDataset(42, FakeScale.Small, Anchor);
        long previous = 0;
        for (var i = 0L; i < data.DeliveryCount; i++)
        {
            var created = data.DeliveryCreated(i);
            Assert.True(created >= previous && created < data.AnchorUnix);
            previous = created;
        }
        var times = data.ActivityTimestamps();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(3, times.Count(t => t > data.AnchorUnix));
        Assert.True(data.Catalog.Campaigns.Max(c => c.Updated) < data.AnchorUnix);
        Assert.Contains(data.Catalog.Campaigns, c => c.ActionDetails.Count > 10);
    }
}
