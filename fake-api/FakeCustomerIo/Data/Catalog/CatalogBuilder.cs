using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

/// <summary>Builds generation 0 of the small lists. All times lie at least two hours before the anchor.</summary>
internal static partial class CatalogBuilder
{
    private const long Day = 86_400;
    public const int UpdatedWithinDays = 180;

    public static WorkspaceCatalog Build(long seed, FakeScale scale, long anchor)
    {
        var ids = new IdCounter();
        var segments = BuildSegments(seed, scale, anchor);
        var senders = BuildSenderIdentities(seed, scale, anchor);
        var campaigns = BuildCampaigns(seed, scale, anchor, segments, senders, ids);
        var broadcasts = BuildBroadcasts(seed, scale, anchor, campaigns.Count, senders, ids);
        var topics = BuildTopics(scale);
        var newsletters = BuildNewsletters(seed, scale, anchor, segments, topics, senders, ids);
        return new WorkspaceCatalog
        {
            Campaigns = campaigns,
            Broadcasts = broadcasts,
            Newsletters = newsletters,
            Segments = segments,
            Collections = BuildCollections(seed, scale, anchor),
            Exports = BuildExports(seed, scale, anchor),
            Snippets = BuildSnippets(seed, scale, anchor),
            Transactional = BuildTransactional(seed, scale, anchor, senders, ids),
            SenderIdentities = senders,
            ObjectTypes = BuildObjectTypes(scale),
            ReportingWebhooks = BuildWebhooks(scale),
            Topics = topics,
            Channels = BuildChannels(),
            IpAddresses = ["35.188.196.183", "104.198.177.219", "104.154.232.87", "130.211.229.195", "104.198.221.24"],
            DeletedCampaignId = campaigns.Count >= 2 ? campaigns[^1].Id : -1,
            DeletedSegmentId = segments.Count >= 3 ? segments[^2].Id : -1,
            EmptySegmentId = segments.Count >= 3 ? segments[^1].Id : -1,
        };
    }

    /// <summary>A time between <paramref name="minDaysAgo"/> and <paramref name="maxDaysAgo"/> before the anchor,
    /// never later than two hours before it.</summary>
    private static long Ago(Draw d, long key, long anchor, int minDaysAgo, int maxDaysAgo) =>
        anchor - 2 * 3600 - d.Between(key, minDaysAgo * Day, maxDaysAgo * Day);

    /// <summary>Every <c>updated</c>/<c>updated_at</c> (the client-side replication keys) lies in the
    /// <see cref="UpdatedWithinDays"/> days before the anchor and after <paramref name="created"/>, so a start_date that
    /// far back sees every record; <c>created</c> may be older.</summary>
    private static long UpdatedAfter(Draw d, long key, long anchor, long created)
    {
        var from = Math.Max(created, anchor - UpdatedWithinDays * Day);
        return from + d.Between(key, 0, Math.Max(0, anchor - 2 * 3600 - from));
    }

    private static IReadOnlyList<Link> BuildLinks(Draw d, IdCounter ids, string site)
    {
        var count = (int)d.Between(90, 1, 4);
        return [.. Enumerable.Range(0, count).Select(i => new Link(ids.NextLink(), $"https://{site}/{Words.Pages[i]}?utm_source=cio"))];
    }

    /// <summary>Ids shared across lists: action ids are unique across campaigns and broadcasts, content ids across
    /// newsletters and transactional messages.</summary>
    private sealed class IdCounter
    {
        private long _action = 1, _content = 1, _link = 1, _trigger = 1;
        public long NextAction() => _action++;
        public long NextContent() => _content++;
        public long NextLink() => _link++;
        public long NextTrigger() => _trigger++;
    }
}
