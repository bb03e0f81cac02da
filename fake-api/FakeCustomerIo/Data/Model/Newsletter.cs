using System.Text.Json.Serialization;

namespace FakeCustomerIo.Data.Model;

internal sealed record Newsletter
{
    public required long Id { get; init; }
    public required string DeduplicateId { get; init; }
    public required string Name { get; init; }
    public string Type { get; init; } = "email";
    public required long Created { get; init; }
    public required long Updated { get; init; }
    public long? SentAt { get; init; }
    public required IReadOnlyList<long> ContentIds { get; init; }
    public IReadOnlyList<long> RecipientSegmentIds { get; init; } = [];
    public IReadOnlyList<string>? Tags { get; init; }
    public long? SubscriptionTopicId { get; init; }
    public long? ScheduledAt { get; init; }
    public string? SendState { get; init; }
    public int? ExpiresAfter { get; init; }
    public string? Timezone { get; init; }
    public bool TzMatchEnabled { get; init; }
    public string? RecipientFileStatus { get; init; }
    public string? RecipientFileError { get; init; }

    [JsonIgnore] public IReadOnlyList<Content> Contents { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<TestGroup> TestGroups { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<Link> Links { get; init; } = [];
}

/// <summary>Test group ids restart at 0 in every newsletter, so only (newsletter_id, id) is unique.</summary>
internal sealed record TestGroup(int Id, string Name, string Label, bool Winner, IReadOnlyList<long> ContentIds);

/// <summary>A newsletter variant or transactional content (one per language and/or A/B variant).</summary>
internal sealed record Content
{
    public required long Id { get; init; }
    public long? NewsletterId { get; init; }
    public long? TransactionalId { get; init; }
    public required string DeduplicateId { get; init; }
    public required string Name { get; init; }
    public string? Layout { get; init; }
    public string? Body { get; init; }
    public string? BodyAmp { get; init; }
    public string? Language { get; init; }
    public string Type { get; init; } = "email";
    public string? From { get; init; }
    public long? FromId { get; init; }
    public string? ReplyTo { get; init; }
    public long? ReplyToId { get; init; }
    public string? Preprocessor { get; init; }
    public string? Recipient { get; init; }
    public string? Subject { get; init; }
    public string? Cc { get; init; }
    public string? Bcc { get; init; }
    public bool FakeBcc { get; init; }
    public string? PreheaderText { get; init; }
    public string? Headers { get; init; }
    public long? Created { get; init; }
    public long? Updated { get; init; }
}
