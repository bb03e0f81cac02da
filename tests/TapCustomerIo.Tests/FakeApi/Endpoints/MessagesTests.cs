using System.Globalization;
using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class MessagesTests
{
    private static string Window(long start, long end) =>
        $"start_ts={start.ToString(CultureInfo.InvariantCulture)}&end_ts={end.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task Walking_a_window_yields_exactly_the_generated_deliveries_newest_first()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (start, end) = (data.AnchorUnix - 300 * 86_400L, data.AnchorUnix);
        var (items, pages) = await api.WalkAsync($"/v1/messages?limit=1000&{Window(start, end)}", "messages");

        Assert.Equal(data.DeliveryIds(start, end), items.Select(m => m.GetProperty("id").GetString()!).ToList());
        Assert.Equal(data.DeliveryCount, items.Count);
        Assert.True(pages >= 5);
        var created = items.Select(m => m.GetProperty("created").GetInt64()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }

    [Fact]
    public async Task Start_ts_and_end_ts_are_inclusive_on_both_ends()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (first, last) = (1_000L, 1_040L);
        var (start, end) = (data.DeliveryCreated(first), data.DeliveryCreated(last));
        var (items, _) = await api.WalkAsync($"/v1/messages?limit=1000&{Window(start, end)}", "messages");
        var ids = items.Select(m => m.GetProperty("id").GetString()).ToHashSet();

        Assert.Contains(data.DeliveryId(first), ids);
        Assert.Contains(data.DeliveryId(last), ids);
        Assert.Equal(data.CountDeliveries(start, end), ids.Count);
        Assert.All(items, m => Assert.InRange(m.GetProperty("created").GetInt64(), start, end));
        await api.GetJsonAsync($"/v1/messages?{Window(start, start)}");
        await api.GetJsonAsync($"/v1/messages?{Window(0, 0)}");
    }

    [Fact]
    public async Task Without_a_window_the_six_months_before_the_anchor_are_listed()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (items, _) = await api.WalkAsync("/v1/messages?limit=1000", "messages");
        Assert.Equal(data.CountDeliveries(data.Anchor.AddMonths(-6).ToUnixTimeSeconds(), long.MaxValue), items.Count);
        Assert.True(items.Count < data.DeliveryCount);
    }

    [Fact]
    public async Task Some_windows_start_with_an_empty_page_that_carries_next_and_later_pages_have_the_data()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var emptyFirstPages = 0;
        var total = 0;
        for (var day = 200; day > 0; day -= 20)
        {
            var (start, end) = (data.AnchorUnix - day * 86_400L, data.AnchorUnix - (day - 20) * 86_400L - 1);
            var first = await api.GetJsonAsync($"/v1/messages?limit=500&{Window(start, end)}");
            if (first.GetProperty("messages").GetArrayLength() == 0 && first.GetProperty("next").GetString() is { Length: > 0 })
            {
                emptyFirstPages++;
            }

            var (items, _) = await api.WalkAsync($"/v1/messages?limit=500&{Window(start, end)}", "messages");
            Assert.Equal(data.CountDeliveries(start, end), items.Count);
            total += items.Count;
        }
        Assert.InRange(emptyFirstPages, 1, 9);
        Assert.Equal(data.CountDeliveries(data.AnchorUnix - 200 * 86_400L, data.AnchorUnix), total);
    }

    [Fact]
    public async Task Per_parent_and_per_person_lists_hold_the_matching_deliveries_of_the_global_list()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var window = Window(data.AnchorUnix - 300 * 86_400L, data.AnchorUnix);
        var (all, _) = await api.WalkAsync($"/v1/messages?limit=1000&{window}", "messages");

        // A parent's (or person's) list holds only what was created since the parent was.
        async Task Check(string path, long created, Func<JsonElement, bool> belongs)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var (items, _) = await api.WalkAsync($"{path}{separator}limit=1000&{window}", "messages");
            Assert.Equal(all.Where(m => belongs(m) && m.GetProperty("created").GetInt64() >= created).Select(Id).ToList(), items.Select(Id).ToList());
            Assert.NotEmpty(items);
        }
        static string Id(JsonElement m) => m.GetProperty("id").GetString()!;
        static bool Is(JsonElement m, string field, long id) => m.GetProperty(field) is { ValueKind: JsonValueKind.Number } v && v.GetInt64() == id;

        await Check("/v1/campaigns/2/messages", data.Catalog.Campaign(2)!.Created, m => Is(m, "campaign_id", 2));
        var broadcast = data.Catalog.Broadcasts[0];
        await Check($"/v1/broadcasts/{broadcast.Id}/messages", broadcast.Created, m => Is(m, "broadcast_id", broadcast.Id));
        await Check("/v1/newsletters/1/messages", data.Catalog.Newsletter(1)!.Created, m => Is(m, "newsletter_id", 1));
        await Check("/v1/transactional/1/messages", data.Catalog.TransactionalMessage(1)!.CreatedAt, m => Is(m, "transactional_message_id", 1));
        var cio = all.First(m => m.GetProperty("customer_identifiers").ValueKind == JsonValueKind.Object)
            .GetProperty("customer_identifiers").GetProperty("cio_id").GetString()!;
        await Check($"/v1/customers/{cio}/messages?id_type=cio_id", data.PersonCreatedAt(cio), m => m.GetProperty("customer_identifiers") is { ValueKind: JsonValueKind.Object } c
            && c.GetProperty("cio_id").GetString() == cio);
    }

    [Fact]
    public async Task Filters_and_the_deleted_campaign()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (emails, _) = await api.WalkAsync("/v1/messages?limit=1000&type=email", "messages");
        Assert.NotEmpty(emails);
        Assert.All(emails, m => Assert.Equal("email", m.GetProperty("type").GetString()));
        var (opened, _) = await api.WalkAsync("/v1/messages?limit=1000&metric=opened", "messages");
        Assert.All(opened, m => Assert.True(m.GetProperty("metrics").TryGetProperty("opened", out _)));
        using var gone = await api.Http.GetAsync($"/v1/campaigns/{data.DeletedCampaignId}/messages");
        await FakeApiHarness.AssertErrorAsync(gone, 404);
    }
}
