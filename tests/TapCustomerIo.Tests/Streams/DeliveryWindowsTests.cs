using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeCustomerIo;
using FakeCustomerIo.Data.Deliveries;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// Delivery windows end to end, against the fake's complete truth: <c>messages</c> over several windows and pages (and
/// a window divided after a full first page), per-parent lists that start at each parent's creation and stop at a
/// 404, and per-person lists that reach past the endpoint's six-month default.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class DeliveryWindowsTests
{
    private const int Page = 1000;

    [Theory]
    [InlineData(30)]
    [InlineData(180)]
    public async Task Messages_keys_equal_the_fakes_truth_over_several_windows_and_pages(int windowDays)
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 50, Deliveries = 30_000, DeliveryHistoryDays = 300 },
        });
        var data = harness.Server.Data;
        var start = data.Anchor.AddDays(-400).ToUnixTimeSeconds();
        var expected = data.DeliveryIds(start, long.MaxValue);
        Assert.True(expected.Count > 10 * Page, "the truth spans many pages");

        var run = await RunDebugAsync(harness, harness.Config(new JsonObject { ["messages_window_days"] = windowDays }), "messages");

        Assert.Equal(expected.Select(Quoted).Order(), run.Transcript.Keys("messages").Order());
        var lanes = Requests(run.Stderr, "/v1/messages").Select(r => (r.Start, r.End)).Distinct().ToArray();
        Assert.All(lanes, l => Assert.True(l.End - l.Start < windowDays * 86_400L, "no window is longer than messages_window_days"));
        // At most two calls a lane beyond the fewest pages: a short last page, and the fake's empty first page.
        var calls = Requests(run.Stderr, "/v1/messages").Count;
        Assert.InRange(calls, (expected.Count + Page - 1) / Page, (expected.Count + Page - 1) / Page + 2 * lanes.Length);
        if (windowDays == 180)
        {
            // A 180-day window of ~27 pages is divided after its full first page: pieces that are not on the 180-day grid.
            Assert.Contains(lanes, l => (l.Start - start) % (180 * 86_400L) != 0);
        }
    }

    [Fact]
    public async Task Per_parent_windows_start_at_the_parents_creation_and_a_deleted_parent_costs_at_most_the_windows_in_flight()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 50, Deliveries = 8_000, DeliveryHistoryDays = 390 },
        });
        var data = harness.Server.Data;
        var catalog = data.Catalog;
        var start = data.Anchor.AddDays(-400).ToUnixTimeSeconds();
        ParentCase[] parents =
        [
            .. catalog.Campaigns.Where(c => c.Id != data.DeletedCampaignId)
                .Select(c => new ParentCase("campaign_messages", "campaigns", ParentKind.Campaign, c.Id, c.Created)),
            .. catalog.Broadcasts.Select(b => new ParentCase("broadcast_messages", "broadcasts", ParentKind.Broadcast, b.Id, b.Created)),
            .. catalog.Newsletters.Select(n => new ParentCase("newsletter_messages", "newsletters", ParentKind.Newsletter, n.Id, n.Created)),
            .. catalog.Transactional.Select(t => new ParentCase("transactional_deliveries", "transactional", ParentKind.Transactional, t.Id, t.CreatedAt)),
        ];
        Assert.Contains(parents, p => p.Created > start + 30 * 86_400); // some parents are much younger than start_date

        var run = await RunDebugAsync(harness, harness.Config(new JsonObject { ["messages_window_days"] = 10 }),
            "campaign_messages", "broadcast_messages", "newsletter_messages", "transactional_deliveries");

        foreach (var stream in parents.GroupBy(p => p.Stream))
        {
            var expected = stream.SelectMany(p => data.ParentDeliveryIds(p.Kind, p.Id, p.Created)).Select(Quoted).Order().ToArray();
            Assert.Equal(expected, run.Transcript.Records(stream.Key).Select(r => r["id"]!.ToJsonString()).Order());
        }

        foreach (var parent in parents)
        {
            var requests = Requests(run.Stderr, $"/v1/{parent.Route}/{parent.Id}/messages");
            // The first window starts at the parent's creation, not at start_date: no call for the years before it.
            Assert.Equal(Math.Max(start, parent.Created), requests.Min(r => r.Start));
            var windows = requests.Select(r => r.Start).Distinct().Count();
            Assert.Equal((int)Math.Ceiling((DateTimeOffset.UtcNow.ToUnixTimeSeconds() - Math.Max(start, parent.Created)) / (10 * 86_400.0)), windows, 1.0);
        }

        // The deleted campaign is listed but answers 404: at most the four windows already in flight, not 40.
        Assert.InRange(Requests(run.Stderr, $"/v1/campaigns/{data.DeletedCampaignId}/messages").Count, 1, 4);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Person_messages_reach_back_to_start_date_from_each_persons_creation(bool profiles)
    {
        // Deliveries over 390 days: half of them are older than the endpoint's six-month default.
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 30, Deliveries = 6_000, DeliveryHistoryDays = 390 },
        });
        var data = harness.Server.Data;
        var start = data.Anchor.AddDays(-400).ToUnixTimeSeconds();
        var people = data.AllCioIds().ToArray();
        var expected = people.SelectMany(data.PersonDeliveryIds).Select(Quoted).Order().ToArray();
        var sixMonths = data.Anchor.AddMonths(-6).ToUnixTimeSeconds();
        Assert.Contains(people, p => data.PersonCreatedAt(p) > start); // some windows start at a creation
        Assert.True(expected.Length > 2 * data.CountDeliveries(sixMonths, long.MaxValue) / 3, "many deliveries are older than six months");

        var run = await RunDebugAsync(harness, harness.Config(),
            profiles ? ["customers", "customer_messages"] : ["customer_messages"]);

        Assert.Equal(expected, run.Transcript.Records("customer_messages").Select(r => r["id"]!.ToJsonString()).Order());
        foreach (var cioId in people)
        {
            var requests = Requests(run.Stderr, $"/v1/customers/{cioId}/messages");
            // With profiles the run knows each person's created_at; without them, it starts at start_date.
            Assert.Equal(profiles ? Math.Max(start, data.PersonCreatedAt(cioId)) : start, requests.Min(r => r.Start));
            Assert.All(requests, r => Assert.True(r.End - r.Start < 180 * 86_400L));
        }
    }

    [Fact]
    public async Task A_later_run_reads_each_persons_messages_in_one_window_from_the_bookmark_minus_the_lookback()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 20, Deliveries = 3_000, DeliveryHistoryDays = 390 },
        });
        var data = harness.Server.Data;
        var first = await RunDebugAsync(harness, harness.Config(), "customer_messages");
        var bookmark = DateTimeOffset.Parse((string)first.Transcript.LastState!["bookmarks"]!["customer_messages"]!["replication_key_value"]!,
            CultureInfo.InvariantCulture);
        var state = harness.State(first.Transcript.LastState!.DeepClone().AsObject());

        var run = await TapProcess.RunAsync(["--config", harness.Config(), "--catalog", harness.Catalog("customer_messages"), "--state", state,
            "--log-level", "debug"], timeout: TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var from = bookmark.AddDays(-30).ToUnixTimeSeconds() + 1; // just after the bookmark minus messages_lookback_days
        foreach (var cioId in data.AllCioIds())
        {
            var windows = Requests(run.Stderr, $"/v1/customers/{cioId}/messages").Select(r => (r.Start, r.End)).Distinct().ToArray();
            var window = Assert.Single(windows);
            Assert.Equal(from, window.Start);
        }
    }

    private sealed record ParentCase(string Stream, string Route, ParentKind Kind, long Id, long Created);

    private static string Quoted(string id) => $"\"{id}\"";

    private static async Task<(SingerTranscript Transcript, string Stderr)> RunDebugAsync(SyncHarness harness, string config, params string[] streams)
    {
        var run = await TapProcess.RunAsync(["--config", config, "--catalog", harness.Catalog(streams), "--log-level", "debug"],
            timeout: TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, $"tap exited {run.ExitCode}:\n{run.Stderr}");
        return (SingerTranscript.Parse(run.Stdout), run.Stderr);
    }

    /// <summary>The windows of the GET requests to <paramref name="path"/> in the tap's debug log.</summary>
    private static List<(long Start, long End)> Requests(string stderr, string path) =>
        [.. Window().Matches(stderr).Where(m => m.Groups["path"].Value == path)
            .Select(m => (long.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"^DEBUG GET (?<path>/v1/[^?\s""]*)\?[^\s""]*?start_ts=(?<start>\d+)&end_ts=(?<end>\d+)", RegexOptions.Multiline)]
    private static partial Regex Window();
}
