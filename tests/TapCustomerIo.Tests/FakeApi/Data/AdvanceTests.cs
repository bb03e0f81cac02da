using System.Text.Json;
using FakeCustomerIo;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Data;

public sealed class AdvanceTests
{
    // list path, envelope, id field, updated field
    private static readonly (string Path, string Envelope, string Id, string Updated)[] Lists =
    [
        ("/v1/campaigns", "campaigns", "id", "updated"), ("/v1/broadcasts", "broadcasts", "id", "updated"),
        ("/v1/newsletters?limit=100", "newsletters", "id", "updated"), ("/v1/segments", "segments", "id", "updated_at"),
        ("/v1/collections", "collections", "id", "updated_at"), ("/v1/snippets", "snippets", "name", "updated_at"),
        ("/v1/exports", "exports", "id", "updated_at"), ("/v1/transactional", "messages", "id", "updated_at"),
    ];

    private static async Task<Dictionary<string, long>> UpdatedAsync(FakeApiHarness api, (string Path, string Envelope, string Id, string Updated) list)
    {
        var page = await api.GetJsonAsync(list.Path);
        return page.GetProperty(list.Envelope).EnumerateArray()
            .ToDictionary(x => x.GetProperty(list.Id).ToString(), x => x.GetProperty(list.Updated).GetInt64());
    }

    [Fact]
    public async Task Advance_changes_exactly_what_its_change_set_says()
    {
        // Default anchor (real clock minus an hour): every change must also lie in the past of the real clock.
        await using var api = await FakeApiHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var data = api.Server.Data;
        var before = new List<Dictionary<string, long>>();
        foreach (var list in Lists)
        {
            before.Add(await UpdatedAsync(api, list));
        }

        var actionsBefore = (await api.WalkAsync("/v1/campaigns/1/actions", "actions")).Items.Count;
        var lastRequests = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (messagesBefore, _) = await api.WalkAsync("/v1/messages?limit=1000", "messages");
        var activitiesBefore = data.ActivityIds();

        var changes = data.Advance();

        string[][] expected =
        [
            [.. changes.CampaignIds.Select(i => i.ToString())], [.. changes.BroadcastIds.Select(i => i.ToString())],
            [.. changes.NewsletterIds.Select(i => i.ToString())], [.. changes.SegmentIds.Select(i => i.ToString())],
            [.. changes.CollectionIds.Select(i => i.ToString())], [.. changes.SnippetNames],
            [.. changes.ExportIds.Select(i => i.ToString())], [.. changes.TransactionalIds.Select(i => i.ToString())],
        ];
        for (var k = 0; k < Lists.Length; k++)
        {
            var after = await UpdatedAsync(api, Lists[k]);
            var moved = after.Where(x => x.Value != before[k][x.Key]).Select(x => x.Key).Order().ToList();
            Assert.Equal(expected[k].Order().ToList(), moved);
            Assert.NotEmpty(moved);
            Assert.All(moved, id => Assert.InRange(after[id], changes.WindowStart + 1, changes.WindowEnd));
            Assert.All(before[k].Values, t => Assert.True(t < changes.WindowStart));
        }
        Assert.True(changes.WindowEnd <= DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(changes.WindowStart >= lastRequests, "new records are newer than every request before the advance");

        foreach (var action in changes.CampaignActions)
        {
            var (items, _) = await api.WalkAsync($"/v1/campaigns/{action.ParentId}/actions", "actions");
            var updated = items.Where(a => a.GetProperty("updated").GetInt64() > changes.WindowStart).Select(a => a.GetProperty("id").GetString()).ToList();
            Assert.Equal([action.ActionId.ToString()], updated);
        }
        Assert.Equal(actionsBefore, (await api.WalkAsync("/v1/campaigns/1/actions", "actions")).Items.Count);

        var (newMessages, _) = await api.WalkAsync($"/v1/messages?limit=1000&start_ts={changes.WindowStart + 1}&end_ts={changes.WindowEnd}", "messages");
        Assert.Equal(changes.NewDeliveryIds.Reverse(), newMessages.Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal(data.Scale.DeliveriesPerAdvance, newMessages.Count);
        var (messagesAfter, _) = await api.WalkAsync("/v1/messages?limit=1000", "messages");
        Assert.Equal(messagesBefore.Count + newMessages.Count, messagesAfter.Count);

        var activitiesAfter = data.ActivityIds();
        Assert.Equal(changes.NewActivityIds.Reverse(), activitiesAfter.Skip(3).Take(changes.NewActivityIds.Count));
        Assert.Equal(activitiesBefore.Skip(3), activitiesAfter.Skip(3 + changes.NewActivityIds.Count));
        Assert.Same(changes, data.LastChanges);
    }

    [Fact]
    public async Task A_cursor_taken_before_an_advance_still_pages_the_same_deliveries()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var window = $"start_ts={data.AnchorUnix - 10 * 86_400}&end_ts={data.AnchorUnix}";
        var (expected, _) = await api.WalkAsync($"/v1/messages?limit=100&{window}", "messages");
        var page = await api.GetJsonAsync($"/v1/messages?limit=100&{window}");
        var seen = page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        data.Advance();
        var next = page.GetProperty("next").GetString()!;
        while (next.Length > 0)
        {
            page = await api.GetJsonAsync($"/v1/messages?limit=100&{window}&start={Uri.EscapeDataString(next)}");
            seen.AddRange(page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            next = page.GetProperty("next").GetString()!;
        }
        Assert.Equal(expected.Select(m => m.GetProperty("id").GetString()), seen);
    }
}
