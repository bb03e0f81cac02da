using System.Globalization;
using FakeCustomerIo.Data.Activities;
using FakeCustomerIo.Data.Catalog;
using FakeCustomerIo.Data.Deliveries;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Data;

/// <summary>What tests need to build expectations without HTTP. All of it reads the current generation.</summary>
internal sealed partial class FakeDataset
{
    public IReadOnlyList<long> CampaignIds => [.. Catalog.Campaigns.Select(c => c.Id)];

    /// <summary>Listed by /v1/campaigns; its actions, messages and metrics answer 404.</summary>
    public long DeletedCampaignId => Catalog.DeletedCampaignId;

    /// <summary>Listed by /v1/segments; its membership and used_by answer 404.</summary>
    public long DeletedSegmentId => Catalog.DeletedSegmentId;

    public long EmptySegmentId => Catalog.EmptySegmentId;

    /// <summary>The action ids of a campaign as /actions sends them: JSON strings ("18").</summary>
    public IReadOnlyList<string> CampaignActionIds(long campaignId) =>
        [.. Catalog.Campaign(campaignId)?.ActionDetails.Select(a => a.Key.ToString(CultureInfo.InvariantCulture)) ?? []];

    public long PeopleCount => People.Count;

    public IEnumerable<string> AllCioIds()
    {
        for (var p = 0L; p < People.Count; p++)
        {
            yield return People.CioId(p);
        }
    }

    /// <summary>Members of a segment in membership order, without the duplicates paging adds.</summary>
    public IReadOnlyList<string> SegmentMemberCioIds(long segmentId)
    {
        var segment = Catalog.Segment(segmentId);
        if (segment is null)
        {
            return [];
        }

        var members = new List<string>();
        for (var p = 0L; p < People.Count; p++)
        {
            if (IsMember(segment, p))
            {
                members.Add(People.CioId(p));
            }
        }

        return members;
    }

    /// <summary>Deliveries existing in the current generation (all windows).</summary>
    public long DeliveryCount => Deliveries.Timeline.Count(Generation);

    public string DeliveryId(long index) => Deliveries.Id(index);

    public long DeliveryCreated(long index) => Deliveries.Timeline.TimeOf(index);

    /// <summary>Number of deliveries with start ≤ created ≤ end (both inclusive, like start_ts/end_ts).</summary>
    public long CountDeliveries(long startTs, long endTs)
    {
        var (lo, hi) = Deliveries.Timeline.Range(startTs, endTs, Generation);
        return hi - lo;
    }

    /// <summary>Ids of the deliveries created in [start, end], newest first (the order of /v1/messages).</summary>
    public IReadOnlyList<string> DeliveryIds(long startTs, long endTs)
    {
        var (lo, hi) = Deliveries.Timeline.Range(startTs, endTs, Generation);
        var ids = new List<string>((int)(hi - lo));
        for (var i = hi - 1; i >= lo; i--)
        {
            ids.Add(Deliveries.Id(i));
        }

        return ids;
    }

    /// <summary>Every activity's id and <c>name</c>, newest first (what the <c>name</c> filter matches).</summary>
    public IReadOnlyList<(string Id, string Name)> ActivityNames() =>
        [.. Activities.Keys(Generation).Select(k => (Activities.Id(k), ActivityWriter.NameOf(Activities, k, ActivityWriter.TypeOf(Activities, k))))];

    /// <summary>The activities listed only with <c>deleted=true</c>, newest first.</summary>
    public IReadOnlyList<string> DeletedActivityIds() =>
        [.. Enumerable.Range(0, ActivityGenerator.DeletedCount).Select(j => Activities.Id(ActivityGenerator.DeletedBase + j))];

    /// <summary>Ids of the deliveries in a parent's list: its slots, created from the parent's creation on.</summary>
    public IReadOnlyList<string> ParentDeliveryIds(ParentKind kind, long id, long created) =>
        DeliveryIdsOf(Deliveries.Slots.Of(kind, id), created, skipForgotten: false);

    /// <summary>Ids of the deliveries in a person's list (forgotten ones never are), created from the person's creation on.</summary>
    public IReadOnlyList<string> PersonDeliveryIds(string cioId) =>
        People.TryFindByCioId(cioId, out var p) ? DeliveryIdsOf(Deliveries.OfPerson(p), People.CreatedAt(p), skipForgotten: true) : [];

    /// <summary>When person <paramref name="cioId"/> was created (the <c>created_at</c> attribute).</summary>
    public long PersonCreatedAt(string cioId) => People.TryFindByCioId(cioId, out var p) ? People.CreatedAt(p) : 0;

    private List<string> DeliveryIdsOf(Progression set, long created, bool skipForgotten)
    {
        var lo = Deliveries.Timeline.Range(created, long.MaxValue, Generation).Lo;
        var ids = new List<string>();
        for (var i = set.Below(DeliveryCount); i >= lo; i = set.Below(i))
        {
            if (!skipForgotten || !Deliveries.Facts(i).Forgotten)
            {
                ids.Add(Deliveries.Id(i));
            }
        }

        return ids;
    }

    /// <summary>Every activity id, newest first (the three future-dated ones first).</summary>
    public IReadOnlyList<string> ActivityIds() => [.. Activities.Keys(Generation).Select(Activities.Id)];

    /// <summary>The three future-dated activities, newest first (as they head /v1/activities).</summary>
    public IReadOnlyList<string> FutureActivityIds =>
        [.. Enumerable.Range(0, ActivityGenerator.FutureCount).Reverse().Select(j => Activities.Id(ActivityGenerator.FutureBase + j))];

    public IReadOnlyList<long> ActivityTimestamps() => [.. Activities.Keys(Generation).Select(Activities.TimeOf)];

    public IReadOnlyList<string> SuppressionEmails(string type, string? domain = null) =>
        [.. Enumerable.Range(0, Suppressions.Count(type, domain)).Select(j => Suppressions.Email(type, domain, j))];

    public IReadOnlyList<long> SenderIdentityIds(bool hidden) =>
        [.. Catalog.SenderIdentities.Where(s => s.Hidden == hidden).Select(s => s.Id)];

    /// <summary>Listed by POST /v1/objects; its attributes and relationships answer 404. Null if none.</summary>
    public (string TypeId, string ObjectId)? DeletedObject =>
        Objects.Deleted is { } d && Catalog.ObjectType(d.TypeId) is { } type ? (d.TypeId, Objects.ObjectId(type, d.Index)) : null;

    /// <summary>Every (object type, object, person's cio_id) that the objects' relationships serve, the deleted object left out.</summary>
    public IEnumerable<(string TypeId, string ObjectId, string CioId)> ObjectRelationships() =>
        from type in Catalog.ObjectTypes
        from j in Enumerable.Range(0, Objects.PerType)
        where !Objects.IsDeleted(type, j)
        from p in RelatedPeople.Of(type, j)
        select (type.Id, Objects.ObjectId(type, j), People.CioId(p));

    /// <summary>Listed by /v1/broadcasts/{id}/triggers; its errors answer 404. -1 if none.</summary>
    public long DeletedTriggerId => TriggerErrors.DeletedTriggerId(Catalog);

    /// <summary>Every trigger error as (broadcast, trigger, position in the trigger's list, text), the deleted trigger left out.</summary>
    public IEnumerable<(long BroadcastId, long TriggerId, int Position, string Error)> TriggerErrorRows() =>
        from trigger in TriggerErrors.AllTriggers(Catalog)
        where trigger.Id != DeletedTriggerId
        from row in TriggerErrors.Of(Seed, Catalog, trigger).Select((error, position) => (error, position))
        select (trigger.BroadcastId, trigger.Id, row.position, row.error);

    /// <summary>True when /v1/messages' first page for these exact query parameters is the deliberately empty one.</summary>
    internal static bool IsEmptyFirstPage(uint fingerprint) => fingerprint % 3 == 0;

    /// <summary>(object_type_id, object_id) of every object, as POST /v1/objects lists them per type.</summary>
    public IEnumerable<(string TypeId, string ObjectId)> ObjectKeys() =>
        Catalog.ObjectTypes.SelectMany(t => Enumerable.Range(0, Objects.PerType).Select(j => (t.Id, Objects.ObjectId(t, j))));

    /// <summary>(cio_id, segment id) of every membership that /v1/customers/{id}/segments reports (not the deleted
    /// segment's).</summary>
    public IEnumerable<(string CioId, long SegmentId)> CustomerSegmentKeys()
    {
        for (var p = 0L; p < People.Count; p++)
        {
            foreach (var segment in Catalog.Segments.Where(s => s.Id != Catalog.DeletedSegmentId && IsMember(s, p)))
            {
                yield return (People.CioId(p), segment.Id);
            }
        }
    }

    /// <summary>(parent id, delivery id) of the deliveries of every campaign, broadcast, newsletter or transactional
    /// message of <paramref name="kind"/> created at or after <paramref name="start"/>.</summary>
    public IEnumerable<(long ParentId, string Id)> DeliveriesOf(ParentKind kind, long start)
    {
        for (var i = 0L; i < DeliveryCount; i++)
        {
            var facts = Deliveries.Facts(i);
            if (facts.Parent is { } parent && parent.Kind == kind && facts.Created >= start)
            {
                yield return (parent.Id, Deliveries.Id(i));
            }
        }
    }

    /// <summary>Ids of the deliveries GET /v1/customers/{id}/messages lists (it leaves out forgotten ones), created at or
    /// after <paramref name="start"/>, of every person.</summary>
    public IEnumerable<string> PersonDeliveryIds(long start)
    {
        for (var i = 0L; i < DeliveryCount; i++)
        {
            var facts = Deliveries.Facts(i);
            if (!facts.Forgotten && facts.Created >= start)
            {
                yield return Deliveries.Id(i);
            }
        }
    }

    /// <summary>(cio_id, object_type_id, object_id) of every person's relationships.</summary>
    public IEnumerable<(string CioId, string TypeId, string ObjectId)> RelationshipKeys()
    {
        for (var p = 0L; p < People.Count; p++)
        {
            foreach (var (type, index, _) in Objects.RelationshipsOf(p, Catalog.ObjectTypes))
            {
                yield return (People.CioId(p), type.Id, Objects.ObjectId(type, index));
            }
        }
    }
}
