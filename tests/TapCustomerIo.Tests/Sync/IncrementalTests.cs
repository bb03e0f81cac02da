using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

[Collection(EndToEndCollection.Name)]
public sealed class IncrementalTests
{
    /// <summary>Campaign and journey metrics re-read their last buckets on purpose: those buckets are still filling.</summary>
    private static readonly string[] RereadByDesign = ["campaign_metrics", "campaign_action_metrics", "campaign_journey_metrics"];

    private static readonly JsonObject NoLookback = new() { ["lookback_minutes"] = 0, ["messages_lookback_days"] = 0 };

    [Fact]
    public async Task A_run_from_the_last_state_of_a_complete_run_emits_no_incremental_record()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var config = harness.Config(NoLookback);
        var first = await harness.SyncAsync(config);

        var second = await harness.SyncAsync(config, state: harness.State(first.LastState!));

        foreach (var stream in StreamRegistry.All.Where(s => s.SelectedByDefault && s.IsIncremental && !RereadByDesign.Contains(s.Name)))
        {
            Assert.True(!second.Records(stream.Name).Any(), $"{stream.Name} emitted {second.Records(stream.Name).Count()} records again");
        }

        Assert.Equal(first.Records("customers").Count(), second.Records("customers").Count()); // full table: everything again
        var before = first.LastState!["bookmarks"]!.AsObject();
        var after = second.LastState!["bookmarks"]!.AsObject();
        foreach (var (stream, bookmark) in before.Where(b => b.Value?["replication_key_value"] is not null)) // full-table streams keep only a version
        {
            // Bookmarks never move backwards.
            Assert.True(string.CompareOrdinal((string)after[stream]!["replication_key_value"]!, (string)bookmark!["replication_key_value"]!) >= 0, stream);
        }
    }

    [Fact]
    public async Task After_changes_a_run_emits_exactly_what_changed()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var config = harness.Config(NoLookback);
        var first = await harness.SyncAsync(config);
        var changes = harness.Server.Data.Advance();

        var second = await harness.SyncAsync(config, state: harness.State(first.LastState!));

        static string[] Ids<T>(IEnumerable<T> ids) => ids.Select(i => i!.ToString()!).Order().ToArray();
        Assert.Equal(Ids(changes.CampaignIds), Ids(second.Records("campaigns").Select(r => r["id"])));
        Assert.Equal(Ids(changes.BroadcastIds), Ids(second.Records("broadcasts").Select(r => r["id"])));
        Assert.Equal(Ids(changes.NewsletterIds), Ids(second.Records("newsletters").Select(r => r["id"])));
        Assert.Equal(Ids(changes.SegmentIds), Ids(second.Records("segments").Select(r => r["id"])));
        Assert.Equal(Ids(changes.CollectionIds), Ids(second.Records("collections").Select(r => r["id"])));
        Assert.Equal(Ids(changes.ExportIds), Ids(second.Records("exports").Select(r => r["id"])));
        Assert.Equal(Ids(changes.TransactionalIds), Ids(second.Records("transactional_messages").Select(r => r["id"])));
        Assert.Equal(Ids(changes.SnippetNames), Ids(second.Records("snippets").Select(r => (string?)r["name"])));
        Assert.Equal(Ids(changes.CampaignActions.Select(a => $"{a.ParentId}/{a.ActionId}")),
            Ids(second.Records("campaign_actions").Select(r => $"{r["campaign_id"]}/{r["id"]}")));
        Assert.Equal(Ids(changes.BroadcastActions.Select(a => $"{a.ParentId}/{a.ActionId}")),
            Ids(second.Records("broadcast_actions").Select(r => $"{r["broadcast_id"]}/{r["id"]}")));
        Assert.Equal(Ids(changes.NewDeliveryIds), Ids(second.Records("messages").Select(r => (string?)r["id"])));
        Assert.Equal(Ids(changes.NewActivityIds), Ids(second.Records("activities").Select(r => (string?)r["id"])));
        Assert.NotEmpty(changes.NewDeliveryIds);
    }

    [Fact]
    public async Task The_lookback_re_emits_recent_records_so_late_changes_are_not_missed()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var first = await harness.SyncAsync(harness.Config(NoLookback));

        var second = await harness.SyncAsync(harness.Config(new JsonObject { ["messages_lookback_days"] = 30 }),
            harness.Catalog("messages"), harness.State(first.LastState!));

        var bookmark = DateTimeOffset.Parse((string)first.LastState!["bookmarks"]!["messages"]!["replication_key_value"]!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = first.Records("messages").Where(r => DateTimeOffset.Parse((string)r["created"]!, System.Globalization.CultureInfo.InvariantCulture) > bookmark.AddDays(-30)).Count();
        Assert.True(expected > 0);
        Assert.Equal(expected, second.Records("messages").Count());
    }
}
