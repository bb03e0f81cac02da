using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

/// <summary>
/// Moves the small lists to the next generation: a handful of records per list get an <c>updated</c> time inside the
/// generation's window. The deleted campaign and segment are never touched.
/// </summary>
internal static class CatalogAdvance
{
    public static (WorkspaceCatalog Catalog, ChangeSet Changes) Apply(WorkspaceCatalog c, long seed, int generation,
        long windowStart, long windowEnd)
    {
        // Touched records get distinct times inside the window while it is wide enough, never past its end.
        var touched = 0;
        long Tick() => Math.Min(windowEnd, windowStart + 1 + 7 * touched++);
        IEnumerable<T> Choose<T>(IEnumerable<T> items, Func<T, long> key, int n, int list) =>
            items.OrderBy(x => Hash.Of(seed, Salt.Advance, generation, list, key(x))).Take(n);

        var campaigns = Choose(c.Campaigns.Where(x => x.Id != c.DeletedCampaignId), x => x.Id, 2, 1).Select(x => x.Id).ToHashSet();
        var actionCampaigns = Choose(c.Campaigns.Where(x => x.Id != c.DeletedCampaignId), x => x.Id, 2, 2).ToList();
        var campaignActions = actionCampaigns.Select(x => new ActionChange(x.Id, Choose(x.ActionDetails, a => a.Key, 1, 3).First().Key)).ToList();
        var broadcasts = Choose(c.Broadcasts, x => x.Id, 1, 4).Select(x => x.Id).ToHashSet();
        var broadcastActions = Choose(c.Broadcasts, x => x.Id, 1, 5)
            .Select(x => new ActionChange(x.Id, Choose(x.ActionDetails, a => a.Key, 1, 6).First().Key)).ToList();
        var newsletters = Choose(c.Newsletters, x => x.Id, 2, 7).Select(x => x.Id).ToHashSet();
        var segments = Choose(c.Segments.Where(x => x.Id != c.DeletedSegmentId), x => x.Id, 1, 8).Select(x => x.Id).ToHashSet();
        var collections = Choose(c.Collections, x => x.Id, 1, 9).Select(x => x.Id).ToHashSet();
        var snippets = Choose(c.Snippets, x => (long)Hash.OfString(0, x.Name), 1, 10).Select(x => x.Name).ToHashSet();
        var exports = Choose(c.Exports, x => x.Id, 1, 11).Select(x => x.Id).ToHashSet();
        var transactional = Choose(c.Transactional, x => x.Id, 1, 12).Select(x => x.Id).ToHashSet();

        MessageAction Touch(MessageAction a, IEnumerable<ActionChange> picks, long parent) =>
            picks.Contains(new ActionChange(parent, a.Key)) ? a with { Updated = Tick() } : a;

        var next = c with
        {
            Campaigns = [.. c.Campaigns.Select(x => (campaigns.Contains(x.Id) ? x with { Updated = Tick() } : x) with
                { ActionDetails = [.. x.ActionDetails.Select(a => Touch(a, campaignActions, x.Id))] })],
            Broadcasts = [.. c.Broadcasts.Select(x => (broadcasts.Contains(x.Id) ? x with { Updated = Tick() } : x) with
                { ActionDetails = [.. x.ActionDetails.Select(a => Touch(a, broadcastActions, x.Id))] })],
            Newsletters = [.. c.Newsletters.Select(x => newsletters.Contains(x.Id) ? x with { Updated = Tick() } : x)],
            Segments = [.. c.Segments.Select(x => segments.Contains(x.Id) ? x with { UpdatedAt = Tick() } : x)],
            Collections = [.. c.Collections.Select(x => collections.Contains(x.Id) ? x with { UpdatedAt = Tick() } : x)],
            Snippets = [.. c.Snippets.Select(x => snippets.Contains(x.Name) ? x with { UpdatedAt = Tick() } : x)],
            Exports = [.. c.Exports.Select(x => exports.Contains(x.Id) ? x with { UpdatedAt = Tick(), Status = "done" } : x)],
            Transactional = [.. c.Transactional.Select(x => transactional.Contains(x.Id) ? x with { UpdatedAt = Tick() } : x)],
        };
        return (next, new ChangeSet
        {
            Generation = generation, WindowStart = windowStart, WindowEnd = windowEnd,
            CampaignIds = [.. campaigns.Order()], CampaignActions = campaignActions, BroadcastIds = [.. broadcasts],
            BroadcastActions = broadcastActions, NewsletterIds = [.. newsletters.Order()], SegmentIds = [.. segments],
            CollectionIds = [.. collections], SnippetNames = [.. snippets], ExportIds = [.. exports], TransactionalIds = [.. transactional],
        });
    }
}
