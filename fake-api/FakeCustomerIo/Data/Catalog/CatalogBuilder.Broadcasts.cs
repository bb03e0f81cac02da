using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

internal static partial class CatalogBuilder
{
    // Broadcasts share the campaigns' id space in Customer.io (trigger status lives under /v1/campaigns/{id}/triggers),
    // so broadcast ids continue after the last campaign id.
    private static List<Broadcast> BuildBroadcasts(long seed, FakeScale scale, long anchor, int campaignCount,
        IReadOnlyList<SenderIdentity> senders, IdCounter ids)
    {
        var list = new List<Broadcast>(scale.Broadcasts);
        for (var i = 0; i < scale.Broadcasts; i++)
        {
            var d = new Draw(seed, Salt.Catalog, 2_000 + i);
            var id = campaignCount + i + 1L;
            var created = Ago(d, 1, anchor, 100, 600);
            var actions = Enumerable.Range(0, (int)d.Between(2, 1, 3))
                .Select(k => BuildAction(d.Scope(k), ids.NextAction(), null, id, created, anchor, senders, idsAsStrings: false, scale.ActionBodyChars))
                .ToList();
            var triggers = Enumerable.Range(0, (int)d.Between(3, 0, 3)).Select(k =>
            {
                // created_at is the stream's replication key: keep it inside the recent window like every updated.
                var at = Math.Max(created, anchor - UpdatedWithinDays * Day) + (k + 1) * 7 * Day;
                return new BroadcastTrigger(ids.NextTrigger(), id, at, d.Chance(10 + k, 0.9) ? at + 120 : null);
            }).ToList();
            list.Add(new Broadcast
            {
                Id = id,
                DeduplicateId = $"{id}:{created}",
                Name = $"Broadcast: {d.Pick(4, Words.Products)} {i + 1}",
                Created = created,
                Updated = UpdatedAfter(d, 5, anchor, created),
                FirstStarted = triggers.Count > 0 ? triggers[0].CreatedAt : null,
                Active = triggers.Count > 0,
                State = triggers.Count > 0 ? "running" : "draft",
                Actions = [.. actions.Select(a => new ActionRef(a.Key, a.Type))],
                // The spec's example shows the odd value "nil"; keep one such broadcast.
                Tags = i == 1 ? ["nil"] : d.Chance(6, 0.4) ? null : [d.Pick(7, Words.Tags)],
                CreatedBy = "ops@example.com",
                MsgTemplateIds = [.. actions.Select(a => a.Key)],
                ActionDetails = actions,
                Triggers = triggers,
                Links = BuildLinks(d, ids, "news.example.com"),
            });
        }
        return list;
    }
}
