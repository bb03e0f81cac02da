using System.Text.RegularExpressions;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>
/// A full sync makes the fewest requests the paging rules allow: the largest page everywhere, each list walked once,
/// each parent listed once, no request repeated, people attributes 100 a call.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class RequestCountTests
{
    [GeneratedRegex(@"^DEBUG (GET|POST) (\S+)$")]
    private static partial Regex RequestLine();

    [Fact]
    public async Task A_full_sync_makes_no_wasted_request()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var run = await TapProcess.RunAsync(["--config", harness.Config(), "--log-level", "debug"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var requests = run.StderrLines.Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .Select(m => (Method: m.Groups[1].Value, Url: m.Groups[2].Value)).ToArray();
        var data = harness.Server.Data;
        var catalog = data.Catalog;

        // Every request the API saw is one the tap logged, and none was sent twice (no faults here, so no retries).
        Assert.Equal(harness.Server.Stats.TotalRequests, requests.Length);
        var gets = requests.Where(r => r.Method == "GET").Select(r => r.Url).ToArray();
        Assert.Equal(gets.Length, gets.Distinct().Count());
        var searches = requests.Where(r => r.Method == "POST" && r.Url.StartsWith("/v1/customers?", StringComparison.Ordinal)).ToArray();
        Assert.Equal(searches.Length, searches.Distinct().Count());

        // The largest page everywhere.
        void Limit(string path, string limit) =>
            Assert.All(requests.Where(r => Path(r.Url) == path), r => Assert.Contains("limit=" + limit, r.Url));
        Limit("/v1/activities", "100");
        Limit("/v1/messages", "1000");
        Limit("/v1/newsletters", "100");
        Limit("/v1/sender_identities", "100");
        Limit("/v1/customers", "1000");
        Assert.All(requests.Where(r => r.Url.Contains("/membership", StringComparison.Ordinal)), r => Assert.Contains("limit=30000", r.Url));
        Assert.All(requests.Where(r => r.Url.StartsWith("/v1/esp/suppression/", StringComparison.Ordinal)), r => Assert.Contains("limit=1000", r.Url));
        Assert.DoesNotContain(requests, r => r.Url.Contains("/actions?limit", StringComparison.Ordinal) && r.Url.StartsWith("/v1/campaigns", StringComparison.Ordinal));

        // Lists without paging: one call each. Parents: listed once, whatever the number of children.
        foreach (var path in new[] { "/v1/campaigns", "/v1/broadcasts", "/v1/segments", "/v1/collections", "/v1/exports", "/v1/snippets",
                     "/v1/workspaces", "/v1/object_types", "/v1/reporting_webhooks", "/v1/subscription_topics", "/v1/subscription_channels",
                     "/v1/transactional", "/v1/info/ip_addresses" })
        {
            Assert.True(requests.Count(r => Path(r.Url) == path) == 1, path);
        }

        // People: ⌈N/1000⌉ searches and ⌈N/100⌉ attribute calls.
        var people = data.People.Count;
        Assert.Equal((people + 999) / 1000, searches.Length);
        Assert.Equal((people + 99) / 100, requests.Count(r => r.Url == "/v1/customers/attributes?id_type=cio_id"));

        // One call per parent for single-page children.
        Assert.Equal(catalog.Campaigns.Count, requests.Count(r => Regex.IsMatch(r.Url, @"^/v1/campaigns/\d+/metrics\?")));
        Assert.Equal(catalog.Campaigns.Count, requests.Count(r => Regex.IsMatch(r.Url, @"^/v1/campaigns/\d+/journey_metrics\?")));
        Assert.Equal(catalog.Broadcasts.Count, requests.Count(r => Regex.IsMatch(r.Url, @"^/v1/broadcasts/\d+/triggers$")));
        Assert.Equal(catalog.Newsletters.Count, requests.Count(r => Regex.IsMatch(r.Url, @"^/v1/newsletters/\d+/test_groups$")));
        Assert.Equal(catalog.Segments.Count, requests.Count(r => Regex.IsMatch(r.Url, @"^/v1/segments/\d+/used_by$")));
        Assert.Equal(catalog.Transactional.Count, requests.Count(r => Regex.IsMatch(r.Url, @"^/v1/transactional/\d+/contents$")));
        Assert.Equal(2, requests.Count(r => Path(r.Url) == "/v1/sender_identities")); // hidden=false and hidden=true
    }

    private static string Path(string url) => url.Split('?')[0];
}
