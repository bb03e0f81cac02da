using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeCustomerIo;
using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Suppressions;
using FakeCustomerIo.Endpoints;
using FakeCustomerIo.Paging;
using Microsoft.AspNetCore.Http;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>
/// A full sync makes no wasted request: every request family is counted against the fewest requests the API's paging
/// rules allow for the fake's data (records per list ÷ page size, one call per parent, one delivery walk per window of
/// the configured length), computed from <see cref="FakeDataset"/> and the config, never from what the tap chose.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class RequestCountTests
{
    /// <summary>The delivery window this test configures; the floor follows it.</summary>
    private const int WindowDays = 30;

    [GeneratedRegex(@"^DEBUG (GET|POST) (\S+)$")]
    private static partial Regex RequestLine();

    [Fact]
    public async Task A_full_sync_makes_no_wasted_request()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var startedAt = TimeProvider.System.GetUtcNow();
        var config = harness.Config(new JsonObject { ["messages_window_days"] = WindowDays });
        var run = await TapProcess.RunAsync(["--config", config, "--log-level", "debug"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var requests = run.StderrLines.Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .Select(m => (Method: m.Groups[1].Value, Url: m.Groups[2].Value)).ToArray();
        var data = harness.Server.Data;
        var catalog = data.Catalog;
        int Count(string pattern) => requests.Count(r => Regex.IsMatch(r.Url, pattern));

        // Every request the API saw is one the tap logged, and none was sent twice (no faults here, so no retries).
        Assert.Equal(harness.Server.Stats.TotalRequests, requests.Length);
        var gets = requests.Where(r => r.Method == "GET").Select(r => r.Url).ToArray();
        Assert.Equal(gets.Length, gets.Distinct().Count());

        // Lists without paging: one call each.
        foreach (var path in new[] { "campaigns", "broadcasts", "newsletters", "segments", "collections", "exports", "snippets", "workspaces",
                     "object_types", "reporting_webhooks", "subscription_topics", "subscription_channels", "transactional", "info/ip_addresses" })
        {
            Assert.True(Count($@"^/v1/{path}(\?|$)") == 1, path);
        }

        // Paged lists: the records divided by the largest page, rounded up.
        Assert.Equal(Pages(data.ActivityIds().Count, 100), Count(@"^/v1/activities\?"));
        Assert.Equal(Pages(data.SenderIdentityIds(hidden: false).Count, 100) + Pages(data.SenderIdentityIds(hidden: true).Count, 100),
            Count(@"^/v1/sender_identities\?"));
        Assert.Equal(Pages(data.PeopleCount, CustomerEndpoints.MaxSearchLimit), requests.Count(r => r.Method == "POST" && r.Url.StartsWith("/v1/customers?", StringComparison.Ordinal)));
        Assert.Equal(Pages(data.PeopleCount, 100), Count(@"^/v1/customers/attributes\?"));
        Assert.Equal(catalog.ObjectTypes.Count * Pages(data.Scale.ObjectsPerType, ObjectEndpoints.MaxSearchLimit), Count(@"^/v1/objects\?"));

        // Offset paging has no total: a list ends at the first page that is not full.
        Assert.Equal(SuppressionGenerator.Types.Sum(t => data.SuppressionEmails(t).Count / SuppressionEndpoints.MaxLimit + 1), Count(@"^/v1/esp/suppression/"));

        // Deliveries: one walk per window of WindowDays from start_date to the start of the sync, pages of 1,000 each.
        // The last window ends when the tap started, a second the test cannot know, so its quirk page may or may not come.
        var (floor, lastMayAddOne) = DeliveryFloor(data, DateTimeOffset.Parse(harness.StartDate, CultureInfo.InvariantCulture), startedAt);
        Assert.InRange(Count(@"^/v1/messages\?"), floor, floor + (lastMayAddOne ? 1 : 0));

        // Children: one call per parent, or per page of the parent's children.
        Assert.Equal(catalog.Campaigns.Count, Count(@"^/v1/campaigns/\d+/metrics(\?|$)"));
        Assert.Equal(catalog.Campaigns.Count, Count(@"^/v1/campaigns/\d+/journey_metrics(\?|$)"));
        Assert.Equal(catalog.Campaigns.Sum(c => Pages(c.ActionDetails.Count, CampaignEndpoints.ActionsPerPage)), Count(@"^/v1/campaigns/\d+/actions(\?|$)"));
        // The deleted campaign is listed but its actions answer 404: it has no action to read metrics of.
        Assert.Equal(catalog.Campaigns.Where(c => c.Id != data.DeletedCampaignId).Sum(c => c.ActionDetails.Count),
            Count(@"^/v1/campaigns/\d+/actions/\d+/metrics(\?|$)"));
        Assert.Equal(catalog.Broadcasts.Sum(b => Pages(b.ActionDetails.Count, BroadcastEndpoints.MaxActionsLimit)), Count(@"^/v1/broadcasts/\d+/actions(\?|$)"));
        Assert.Equal(catalog.Broadcasts.Sum(b => b.ActionDetails.Count), Count(@"^/v1/broadcasts/\d+/actions/\d+/metrics(\?|$)"));
        Assert.Equal(catalog.Broadcasts.Count, Count(@"^/v1/broadcasts/\d+/triggers(\?|$)"));
        Assert.Equal(catalog.Broadcasts.Count, Count(@"^/v1/broadcasts/\d+/metrics(\?|$)"));
        Assert.Equal(catalog.Newsletters.Count, Count(@"^/v1/newsletters/\d+/test_groups(\?|$)"));
        Assert.Equal(catalog.Newsletters.Count, Count(@"^/v1/newsletters/\d+/metrics(\?|$)"));
        Assert.Equal(catalog.Newsletters.Count, Count(@"^/v1/newsletters/\d+/contents(\?|$)"));
        Assert.Equal(catalog.Newsletters.Sum(n => n.Contents.Count), Count(@"^/v1/newsletters/\d+/contents/\d+/metrics(\?|$)"));
        Assert.Equal(catalog.Segments.Count, Count(@"^/v1/segments/\d+/used_by(\?|$)"));
        Assert.Equal(catalog.Segments.Count, Count(@"^/v1/segments/\d+/membership(\?|$)"));
        Assert.Equal(catalog.Transactional.Count, Count(@"^/v1/transactional/\d+/contents(\?|$)"));
        Assert.Equal(catalog.Transactional.Count, Count(@"^/v1/transactional/\d+/metrics(\?|$)"));
    }

    /// <summary>At least one request per list, plus one per further full page.</summary>
    private static int Pages(long records, int pageSize) => (int)Math.Max(1, (records + pageSize - 1) / pageSize);

    /// <summary>
    /// Windows of <see cref="WindowDays"/> from start_date (start_ts and end_ts inclusive), the last ending when the sync
    /// started, each read in pages of 1,000 deliveries; the API answers about every third window with an empty first page
    /// that carries a cursor, which costs one more request. The fewest requests a windowed walk can make, and whether
    /// the last window (whose end the test cannot know to the second) may cost one more.
    /// </summary>
    private static (int Floor, bool LastMayAddOne) DeliveryFloor(FakeDataset data, DateTimeOffset startDate, DateTimeOffset syncStart)
    {
        var window = (long)TimeSpan.FromDays(WindowDays).TotalSeconds;
        var end = syncStart.ToUnixTimeSeconds();
        var requests = 0;
        var lastMayAddOne = false;
        for (var from = startDate.ToUnixTimeSeconds(); from < end; from += window)
        {
            var to = Math.Min(from + window - 1, end);
            var deliveries = data.CountDeliveries(from, to);
            requests += Pages(deliveries, 1000);
            var last = from + window - 1 >= end;
            if (deliveries > 0 && last)
            {
                lastMayAddOne = true;
            }
            else if (deliveries > 0 && FakeDataset.IsEmptyFirstPage(Fingerprint.Of(MessagesRequest(from, to))))
            {
                requests++;
            }
        }

        return (requests, lastMayAddOne);
    }

    private static HttpRequest MessagesRequest(long startTs, long endTs)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/v1/messages";
        context.Request.QueryString = new QueryString($"?start_ts={startTs}&end_ts={endTs}&limit=1000");
        return context.Request;
    }
}
