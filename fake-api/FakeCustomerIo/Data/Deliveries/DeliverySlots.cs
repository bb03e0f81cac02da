using FakeCustomerIo.Data.Catalog;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Data.Deliveries;

internal enum ParentKind { Campaign, Broadcast, Newsletter, Transactional }

/// <summary>A delivery's parent: its actions (campaign, broadcast) or contents (newsletter, transactional).</summary>
internal sealed record DeliveryParent(ParentKind Kind, long Id, long[] ChildIds, string[] ChildTypes);

/// <summary>
/// Delivery i belongs to the parent of slot i mod <see cref="Modulus"/>. Every parent owns at least one slot, so
/// "the deliveries of campaign c" is a <see cref="Progression"/> and per-parent lists page without scanning.
/// </summary>
internal sealed class DeliverySlots
{
    private readonly DeliveryParent?[] _slots;
    private readonly Dictionary<(ParentKind, long), Progression> _byParent = [];

    public DeliverySlots(long seed, WorkspaceCatalog catalog)
    {
        var parents = new List<DeliveryParent>();
        parents.AddRange(catalog.Campaigns.Select(c => new DeliveryParent(ParentKind.Campaign, c.Id,
            [.. c.ActionDetails.Select(a => a.Key)], [.. c.ActionDetails.Select(a => a.Type)])));
        parents.AddRange(catalog.Broadcasts.Select(b => new DeliveryParent(ParentKind.Broadcast, b.Id,
            [.. b.ActionDetails.Select(a => a.Key)], [.. b.ActionDetails.Select(a => a.Type)])));
        parents.AddRange(catalog.Newsletters.Select(n => new DeliveryParent(ParentKind.Newsletter, n.Id,
            [.. n.ContentIds], [.. n.ContentIds.Select(_ => "email")])));
        parents.AddRange(catalog.Transactional.Select(t => new DeliveryParent(ParentKind.Transactional, t.Id,
            [.. t.Contents.Select(c => c.Id)], [.. t.Contents.Select(_ => "email")])));
        var modulus = Math.Max(64, 2 * parents.Count);
        _slots = new DeliveryParent?[parents.Count == 0 ? 1 : modulus];
        for (var s = 0; s < _slots.Length && parents.Count > 0; s++)
        {
            _slots[s] = s < parents.Count ? parents[s] : PickWeighted(seed, s, parents);
        }

        foreach (var group in Enumerable.Range(0, _slots.Length).Where(s => _slots[s] is not null).GroupBy(s => (_slots[s]!.Kind, _slots[s]!.Id)))
        {
            _byParent[group.Key] = new Progression(_slots.Length, [.. group.Select(s => (long)s)]);
        }
    }

    public long Modulus => _slots.Length;

    public DeliveryParent? ParentOf(long index) => _slots[index % _slots.Length];

    public Progression Of(ParentKind kind, long id) => _byParent.GetValueOrDefault((kind, id), Progression.Empty);

    // Campaigns send most mail; extra slots go 60/15/15/10 to campaigns, broadcasts, newsletters, transactional.
    private static DeliveryParent PickWeighted(long seed, int slot, List<DeliveryParent> parents)
    {
        var u = Hash.Unit(Hash.Of(seed, Salt.Delivery, -10, slot));
        var kind = u < 0.6 ? ParentKind.Campaign : u < 0.75 ? ParentKind.Broadcast : u < 0.9 ? ParentKind.Newsletter : ParentKind.Transactional;
        var ofKind = parents.Where(p => p.Kind == kind).ToList();
        var pool = ofKind.Count > 0 ? ofKind : parents;
        return Hash.Pick(Hash.Of(seed, Salt.Delivery, -11, slot), pool);
    }
}
