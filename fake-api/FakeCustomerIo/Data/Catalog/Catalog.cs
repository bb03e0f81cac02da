using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

/// <summary>
/// The small, materialised lists of one generation. Immutable: <see cref="FakeDataset.Advance"/> builds a new one
/// with a few records touched, and requests read whichever catalog was current when they started.
/// </summary>
internal sealed record WorkspaceCatalog
{
    public required IReadOnlyList<Campaign> Campaigns { get; init; }
    public required IReadOnlyList<Broadcast> Broadcasts { get; init; }
    public required IReadOnlyList<Newsletter> Newsletters { get; init; }
    public required IReadOnlyList<Segment> Segments { get; init; }
    public required IReadOnlyList<Collection> Collections { get; init; }
    public required IReadOnlyList<Export> Exports { get; init; }
    public required IReadOnlyList<Snippet> Snippets { get; init; }
    public required IReadOnlyList<TransactionalMessage> Transactional { get; init; }
    public required IReadOnlyList<SenderIdentity> SenderIdentities { get; init; }
    public required IReadOnlyList<ObjectType> ObjectTypes { get; init; }
    public required IReadOnlyList<ReportingWebhook> ReportingWebhooks { get; init; }
    public required IReadOnlyList<SubscriptionTopic> Topics { get; init; }
    public required IReadOnlyList<SubscriptionChannel> Channels { get; init; }
    public required IReadOnlyList<string> IpAddresses { get; init; }

    /// <summary>Listed by /v1/campaigns, but its children answer 404 (deleted mid-sync). -1 if none.</summary>
    public required long DeletedCampaignId { get; init; }
    /// <summary>Listed by /v1/segments, but /membership and /used_by answer 404. -1 if none.</summary>
    public required long DeletedSegmentId { get; init; }
    /// <summary>A segment with no members: membership answers identifiers: null, ids: null, next: "". -1 if none.</summary>
    public required long EmptySegmentId { get; init; }

    public Campaign? Campaign(long id) => Campaigns.FirstOrDefault(c => c.Id == id);
    public Broadcast? Broadcast(long id) => Broadcasts.FirstOrDefault(b => b.Id == id);
    public Newsletter? Newsletter(long id) => Newsletters.FirstOrDefault(n => n.Id == id);
    public Segment? Segment(long id) => Segments.FirstOrDefault(s => s.Id == id);
    public TransactionalMessage? TransactionalMessage(long id) => Transactional.FirstOrDefault(t => t.Id == id);
    public ObjectType? ObjectType(string id) => ObjectTypes.FirstOrDefault(t => t.Id == id);
}
