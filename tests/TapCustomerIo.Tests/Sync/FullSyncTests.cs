using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>A sync of every default stream at the real budget (10 a second) against the fake App API.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FullSyncTests
{
    [Fact]
    public async Task Every_default_stream_arrives_complete_valid_and_within_the_budget()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 10 });
        var data = harness.Server.Data;

        var run = await harness.RunAsync(harness.Config());

        Assert.True(run.ExitCode == 0, run.Stderr);
        var transcript = SingerTranscript.Parse(run.Stdout);
        var defaults = StreamRegistry.All.Where(s => s.SelectedByDefault).Select(s => s.Name).ToArray();
        Assert.Equal(defaults.Order(), transcript.Schemas.Select(s => (string)s["stream"]!).Order());
        foreach (var stream in defaults)
        {
            var keys = transcript.Keys(stream);
            Assert.True(keys.Count > 0, $"no records for {stream}");
            Assert.True(keys.Count == keys.Distinct().Count(), $"duplicate keys in {stream}");
        }

        // Keys equal the fake workspace's.
        var catalog = data.Catalog;
        void Same(string stream, IEnumerable<object> expected) =>
            Assert.True(expected.Select(e => e is string text ? $"\"{text}\"" : e.ToString()).Order().SequenceEqual(transcript.Keys(stream).Order()),
                $"{stream}: expected [{string.Join(", ", expected.Order())}], got [{string.Join(", ", transcript.Keys(stream).Order())}]");
        // Incremental lists keep what changed since start_date (a floor for every stream), as Singer taps do.
        var start = data.Anchor.AddDays(-400).ToUnixTimeSeconds();
        Same("campaigns", catalog.Campaigns.Where(c => c.Updated >= start).Select(c => (object)c.Id));
        Same("broadcasts", catalog.Broadcasts.Where(c => c.Updated >= start).Select(c => (object)c.Id));
        Same("newsletters", catalog.Newsletters.Where(c => c.Updated >= start).Select(c => (object)c.Id));
        Same("segments", catalog.Segments.Where(c => c.UpdatedAt >= start).Select(c => (object)c.Id));
        Same("transactional_messages", catalog.Transactional.Where(c => c.UpdatedAt >= start).Select(c => (object)c.Id));
        Same("sender_identities", catalog.SenderIdentities.Select(c => (object)c.Id));
        Same("snippets", catalog.Snippets.Where(c => c.UpdatedAt >= start).Select(c => (object)c.Name));
        Same("info_ip_addresses", catalog.IpAddresses);
        Same("customers", Enumerable.Range(0, (int)data.People.Count).Select(p => (object)data.People.CioId(p)));

        // People keep every custom attribute, as strings; email-only people have a null id.
        var someone = transcript.Records("customers").First(r => r["id"] is null);
        Assert.NotNull(someone["email"]);
        Assert.All(transcript.Records("customers"), r => Assert.All(r["attributes"]!.AsObject(), a => Assert.True(a.Value is null || a.Value.GetValueKind() == System.Text.Json.JsonValueKind.String)));
        Assert.Contains(transcript.Records("customers"), r => r["attributes"]!.AsObject().Count > 5);

        // Parent ids are injected, action ids normalised to integers.
        Assert.All(transcript.Records("campaign_actions"), r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r["id"]!.GetValueKind()));
        Assert.DoesNotContain(transcript.Records("campaign_actions"), r => (long)r["campaign_id"]! == catalog.DeletedCampaignId);
        Assert.Contains(run.StderrLines, l => l.StartsWith("WARNING", StringComparison.Ordinal) && l.Contains($"/v1/campaigns/{catalog.DeletedCampaignId}/actions"));

        // The budget held: never more than 10 arrivals in any second, no 429.
        Assert.InRange(harness.Server.Stats.BusiestWindow, 1, 10);
        Assert.Equal(0, harness.Server.Stats.RateLimited);

        // The last STATE bookmarks every incremental default stream.
        var bookmarks = transcript.LastState!["bookmarks"]!.AsObject();
        foreach (var stream in StreamRegistry.All.Where(s => s.SelectedByDefault && s.IsIncremental))
        {
            Assert.True(bookmarks.ContainsKey(stream.Name), $"no bookmark for {stream.Name}");
        }

        Assert.Null(transcript.LastState["currently_syncing"]);
        Assert.Contains(run.StderrLines, l => l.StartsWith("INFO METRIC: {\"type\":\"counter\",\"metric\":\"record_count\"", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.StartsWith("INFO METRIC: {\"type\":\"timer\",\"metric\":\"http_request_duration\"", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Server.Options.ApiKey, run.Stderr);
    }

    [Fact]
    public async Task Only_selected_fields_are_emitted_but_keys_always_are()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var catalog = JsonNode.Parse(File.ReadAllText(harness.Catalog("campaigns")))!.AsObject();
        var entry = catalog["streams"]!.AsArray().Single(s => (string)s!["stream"]! == "campaigns")!;
        foreach (var field in entry["metadata"]!.AsArray().Where(m => m!["breadcrumb"]!.AsArray().Count == 2))
        {
            var name = (string)field!["breadcrumb"]![1]!;
            field["metadata"]!["selected"] = name == "name"; // deselect everything but name (id and updated stay)
        }

        var transcript = await harness.SyncAsync(harness.Config(), harness.Files.Write("catalog.json", catalog.ToJsonString()));

        Assert.All(transcript.Records("campaigns"), r => Assert.Equal(["id", "updated", "name"], r.Select(p => p.Key).Order().Reverse().OrderBy(k => k == "id" ? 0 : k == "updated" ? 1 : 2)));
        var schema = transcript.Schemas.Single()["schema"]!["properties"]!.AsObject();
        Assert.Equal(["id", "name", "updated"], schema.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task A_child_stream_alone_walks_its_parent_once_without_emitting_it()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("campaign_actions", "campaign_action_metrics"));

        Assert.Equal(["campaign_action_metrics", "campaign_actions"], transcript.RecordCounts.Keys.Order());
        Assert.Equal(1, harness.Server.Stats.Count("GET /v1/campaigns"));
        var actions = transcript.Records("campaign_actions").Select(r => (r["campaign_id"]!.ToString(), r["id"]!.ToString())).ToHashSet();
        var withMetrics = transcript.Records("campaign_action_metrics").Select(r => (r["campaign_id"]!.ToString(), r["action_id"]!.ToString())).ToHashSet();
        // Every action's metrics are read, also of actions unchanged since start_date (which are not emitted).
        Assert.Subset(withMetrics, actions);
        Assert.Equal(withMetrics.Count, harness.Server.Stats.Count("GET /v1/campaigns/{id}/actions/{action_id}/metrics"));
    }
}
