using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Suppressions;
using FakeCustomerIo.Paging;
using Microsoft.AspNetCore.Http;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>The fewest calls one endpoint allows, and the rule that gives it.</summary>
internal sealed record Expected(long Minimum, string Rule);

/// <summary>
/// The fewest requests a full default sync can make against a fake dataset, endpoint by endpoint (route keys as the
/// fake counts them): the largest page everywhere, every list walked once, each parent listed once, one call per parent
/// (or per action) for single-page children, people attributes 100 ids a call, and the fake's forced extra pages
/// (the empty first page of some delivery windows, the overlapping pages of segment membership).
/// </summary>
internal static class RequestMinimum
{
    private const long Day = 86_400;
    private const long MessagesWindow = 180 * Day; // messages_window_days' default

    public static Dictionary<string, Expected> Compute(FakeDataset data, DateTimeOffset startDate, IReadOnlyList<string> loggedUrls)
    {
        var catalog = data.Catalog;
        var campaigns = catalog.Campaigns;
        var liveCampaigns = campaigns.Where(c => c.Id != catalog.DeletedCampaignId).ToArray();
        var campaignActions = liveCampaigns.Sum(c => c.ActionDetails.Count);
        var broadcastActions = catalog.Broadcasts.Sum(b => b.ActionDetails.Count);
        var people = data.PeopleCount;
        var expected = new Dictionary<string, Expected>(StringComparer.Ordinal);
        void Add(string route, long minimum, string rule) => expected[route] = new(minimum, rule);

        foreach (var list in new[] { "campaigns", "broadcasts", "segments", "collections", "exports", "snippets", "workspaces", "object_types",
                     "reporting_webhooks", "subscription_topics", "subscription_channels", "transactional", "info/ip_addresses" })
        {
            Add($"GET /v1/{list}", 1, "unpaged list: 1");
        }

        Add("GET /v1/campaigns/{id}/actions", campaigns.Sum(c => Pages(c.ActionDetails.Count, 10)), "Σ campaigns ⌈actions/10⌉ (≥ 1)");
        Add("GET /v1/campaigns/{id}/metrics", campaigns.Count, "1 per campaign");
        Add("GET /v1/campaigns/{id}/journey_metrics", campaigns.Count, "1 per campaign");
        Add("GET /v1/campaigns/{id}/actions/{action_id}/metrics", campaignActions, "1 per campaign action");
        Add("GET /v1/broadcasts/{id}/actions", catalog.Broadcasts.Sum(b => Pages(b.ActionDetails.Count, 100)), "Σ broadcasts ⌈actions/100⌉ (≥ 1)");
        Add("GET /v1/broadcasts/{id}/actions/{action_id}/metrics", broadcastActions, "1 per broadcast action");
        Add("GET /v1/broadcasts/{id}/metrics", catalog.Broadcasts.Count, "1 per broadcast");
        Add("GET /v1/broadcasts/{id}/triggers", catalog.Broadcasts.Count, "1 per broadcast");
        Add("GET /v1/newsletters", Pages(catalog.Newsletters.Count, 100), "⌈newsletters/100⌉");
        Add("GET /v1/newsletters/{id}/metrics", catalog.Newsletters.Count, "1 per newsletter");
        Add("GET /v1/newsletters/{id}/test_groups", catalog.Newsletters.Count, "1 per newsletter");
        Add("GET /v1/newsletters/{id}/contents", catalog.Newsletters.Count, "1 per newsletter");
        Add("GET /v1/newsletters/{id}/contents/{content_id}/metrics", catalog.Newsletters.Sum(n => n.Contents.Count), "1 per newsletter variant");
        Add("GET /v1/transactional/{id}/contents", catalog.Transactional.Count, "1 per transactional message");
        Add("GET /v1/transactional/{id}/metrics", catalog.Transactional.Count, "1 per transactional message");
        Add("GET /v1/segments/{id}/used_by", catalog.Segments.Count, "1 per segment");
        Add("GET /v1/segments/{id}/membership", catalog.Segments.Sum(s => MembershipPages(data, s)),
            "Σ segments: 1 + ⌈(members − 30000)/29999⌉ (pages overlap by one member)");
        Add("GET /v1/sender_identities", catalog.SenderIdentities.GroupBy(s => s.Hidden).Sum(g => Pages(g.Count(), 100)) + (catalog.SenderIdentities.All(s => s.Hidden) || catalog.SenderIdentities.All(s => !s.Hidden) ? 1 : 0),
            "hidden=false and hidden=true: ⌈n/100⌉ each (≥ 1)");
        Add("POST /v1/customers", Pages(people, 1000), "⌈people/1000⌉");
        Add("POST /v1/customers/attributes", (people + 99) / 100, "⌈people/100⌉");
        Add("POST /v1/objects", catalog.ObjectTypes.Count * Pages(data.Objects.PerType, 1000), "Σ object types ⌈objects/1000⌉");
        Add("GET /v1/esp/suppression/{type}", SuppressionGenerator.Types.Sum(t => data.Suppressions.Count(t, null) / 1000 + 1),
            "Σ types ⌊n/1000⌋ + 1 (offset paging ends on a short page)");
        Add("GET /v1/activities", Pages(data.ActivityIds().Count, 100), "⌈activities/100⌉");
        Add("GET /v1/messages", MessagesMinimum(data, startDate, loggedUrls, out var rule), rule);
        return expected;
    }

    /// <summary>
    /// Deliveries: at least ⌈(now − start_date)/180 days⌉ windows; inside each of the tap's windows ⌈n/1000⌉ pages (≥ 1),
    /// plus the empty first page the fake serves for about one window in three. Windows beyond the least number each
    /// count as one wasted call, the pieces of a divided window too (the division buys speed at high latency with them).
    /// </summary>
    private static long MessagesMinimum(FakeDataset data, DateTimeOffset startDate, IReadOnlyList<string> urls, out string rule)
    {
        var windows = urls.Where(u => u.StartsWith("/v1/messages?", StringComparison.Ordinal) && !u.Contains("start=", StringComparison.Ordinal))
            .Select(u => (Url: u, Query: QueryString.FromUriComponent(u[u.IndexOf('?', StringComparison.Ordinal)..])))
            .Distinct()
            .ToArray();
        var start = startDate.ToUnixTimeSeconds();
        var leastWindows = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - start + MessagesWindow - 1) / MessagesWindow;
        long pages = 0;
        foreach (var (_, query) in windows)
        {
            var context = new DefaultHttpContext();
            context.Request.Path = "/v1/messages";
            context.Request.QueryString = query;
            var from = long.Parse(context.Request.Query["start_ts"].ToString(), Stats.Invariant);
            var to = long.Parse(context.Request.Query["end_ts"].ToString(), Stats.Invariant);
            var count = data.CountDeliveries(from, to);
            pages += Pages(count, 1000) + (count > 0 && FakeDataset.IsEmptyFirstPage(Fingerprint.Of(context.Request)) ? 1 : 0);
        }

        var extra = Math.Max(0, windows.Length - leastWindows);
        rule = $"Σ windows ⌈n/1000⌉ (≥ 1) + forced empty first pages; the tap used {windows.Length} windows, the least is {leastWindows}";
        return pages - extra;
    }

    private static long Pages(long items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    private static long MembershipPages(FakeDataset data, FakeCustomerIo.Data.Model.Segment segment)
    {
        if (segment.Id == data.DeletedSegmentId)
        {
            return 1;
        }

        const int limit = 30_000;
        var members = data.SegmentMemberCioIds(segment.Id).Count;
        return members <= limit ? 1 : 1 + (members - limit + limit - 2) / (limit - 1);
    }

    /// <summary>The least total: modelled endpoints at their minimum, any other endpoint the tap called as made.</summary>
    public static long Total(IReadOnlyDictionary<string, long> made, IReadOnlyDictionary<string, Expected> expected) =>
        expected.Values.Sum(e => e.Minimum) + made.Where(m => !expected.ContainsKey(m.Key)).Sum(m => m.Value);

    public static void Print(IReadOnlyDictionary<string, long> made, IReadOnlyDictionary<string, Expected> expected, TextWriter log)
    {
        log.WriteLine("  | endpoint | made | minimum | rule |");
        log.WriteLine("  |---|---:|---:|---|");
        foreach (var route in made.Keys.Union(expected.Keys).Order(StringComparer.Ordinal))
        {
            var count = made.GetValueOrDefault(route);
            var rule = expected.TryGetValue(route, out var e) ? e : null;
            if (count == 0 && rule is null)
            {
                continue;
            }

            var flag = rule is null ? "" : count > rule.Minimum ? " **over**" : count < rule.Minimum ? " (under)" : "";
            log.WriteLine($"  | {route} | {count}{flag} | {rule?.Minimum.ToString(Stats.Invariant) ?? "not modelled"} | {rule?.Rule ?? ""} |");
        }
    }
}
