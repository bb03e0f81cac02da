namespace FakeCustomerIo.Data;

/// <summary>
/// What one <see cref="FakeDataset.Advance"/> changed. Every touched record got an <c>updated</c>/<c>updated_at</c>
/// inside (<see cref="WindowStart"/>, <see cref="WindowEnd"/>]; new deliveries and activities were created in the same
/// window. Nothing else changed, so an incremental sync after the advance sees exactly these records.
/// </summary>
internal sealed record ChangeSet
{
    public required int Generation { get; init; }
    public required long WindowStart { get; init; }
    public required long WindowEnd { get; init; }
    public IReadOnlyList<long> CampaignIds { get; init; } = [];
    /// <summary>Campaign actions whose <c>updated</c> moved.</summary>
    public IReadOnlyList<ActionChange> CampaignActions { get; init; } = [];
    public IReadOnlyList<long> BroadcastIds { get; init; } = [];
    public IReadOnlyList<ActionChange> BroadcastActions { get; init; } = [];
    public IReadOnlyList<long> NewsletterIds { get; init; } = [];
    public IReadOnlyList<long> SegmentIds { get; init; } = [];
    public IReadOnlyList<long> CollectionIds { get; init; } = [];
    public IReadOnlyList<string> SnippetNames { get; init; } = [];
    public IReadOnlyList<long> ExportIds { get; init; } = [];
    public IReadOnlyList<long> TransactionalIds { get; init; } = [];
    /// <summary>Ids of the deliveries created by this advance, oldest first.</summary>
    public IReadOnlyList<string> NewDeliveryIds { get; init; } = [];
    /// <summary>Ids of the activities created by this advance, oldest first.</summary>
    public IReadOnlyList<string> NewActivityIds { get; init; } = [];
}

/// <summary>An action (of campaign or broadcast <see cref="ParentId"/>) whose <c>updated</c> moved.</summary>
internal sealed record ActionChange(long ParentId, long ActionId);
