using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class CampaignsTests
{
    [Fact]
    public async Task Campaign_actions_page_ten_at_a_time_with_string_ids_and_ignore_limit()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (items, pages) = await api.WalkAsync("/v1/campaigns/1/actions?limit=50", "actions");

        Assert.Equal(23, items.Count);
        Assert.Equal(3, pages);
        Assert.Equal(data.CampaignActionIds(1), items.Select(a => a.GetProperty("id").GetString()!).ToList());
        Assert.All(items, a => Assert.Equal(JsonValueKind.String, a.GetProperty("id").ValueKind));
        Assert.All(items.Where(a => a.GetProperty("type").GetString() == "email"), a =>
        {
            Assert.Equal(JsonValueKind.String, a.GetProperty("from_id").ValueKind);
            Assert.Equal(JsonValueKind.String, a.GetProperty("reply_to_id").ValueKind);
            Assert.Equal(JsonValueKind.String, a.GetProperty("headers").ValueKind);
        });
        var last = await api.GetJsonAsync("/v1/campaigns/2/actions");
        Assert.Equal("", last.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Every_listed_campaign_has_its_actions_except_the_deleted_one()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var listed = (await api.GetJsonAsync("/v1/campaigns")).GetProperty("campaigns").EnumerateArray()
            .Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(data.CampaignIds, listed);
        Assert.Contains(data.DeletedCampaignId, listed);
        foreach (var id in listed.Where(id => id != data.DeletedCampaignId))
        {
            var (items, _) = await api.WalkAsync($"/v1/campaigns/{id}/actions", "actions");
            Assert.Equal(data.CampaignActionIds(id), items.Select(a => a.GetProperty("id").GetString()!).ToList());
        }
        var now = data.AnchorUnix;
        foreach (var child in new[] { "actions", "messages", "metrics", "metrics/links", $"journey_metrics?start={now - 86_400}&end={now}&resolution=days", "actions/1/metrics" })
        {
            using var response = await api.Http.GetAsync($"/v1/campaigns/{data.DeletedCampaignId}/{child}");
            await FakeApiHarness.AssertErrorAsync(response, 404);
        }
    }

    [Fact]
    public async Task Broadcast_actions_carry_integer_ids_and_omit_next_at_the_end()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var broadcast = api.Server.Data.Catalog.Broadcasts[0];
        var page = await api.GetJsonAsync($"/v1/broadcasts/{broadcast.Id}/actions?limit=100");
        Assert.False(page.TryGetProperty("next", out _));
        Assert.All(page.GetProperty("actions").EnumerateArray(), a => Assert.Equal(JsonValueKind.Number, a.GetProperty("id").ValueKind));
        Assert.Equal(broadcast.ActionDetails.Count, page.GetProperty("actions").GetArrayLength());
        await api.GetJsonAsync($"/v1/broadcasts/{broadcast.Id}/triggers");
    }
}
