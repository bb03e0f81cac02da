using System.Text.Json.Serialization;

namespace FakeCustomerIo.Data.Model;

/// <summary>
/// A campaign or broadcast action. Campaign actions carry <c>id</c>, <c>from_id</c> and <c>reply_to_id</c> as JSON
/// strings (as the live API does, although the spec says integer); broadcast actions carry them as integers.
/// </summary>
internal sealed record MessageAction
{
    /// <summary>A string ("18") for campaign actions, a number for broadcast actions.</summary>
    public required object Id { get; init; }
    public long? CampaignId { get; init; }
    public long? BroadcastId { get; init; }
    public long? ParentActionId { get; init; }
    public required string DeduplicateId { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required long Created { get; init; }
    public required long Updated { get; init; }
    public string SendingState { get; init; } = "automatic";
    public string? Language { get; init; }
    public string? Layout { get; init; }
    public string? Body { get; init; }
    public string? BodyAmp { get; init; }
    public string? BodyJson { get; init; }
    public string? BodyPlain { get; init; }
    public string? Editor { get; init; }
    public string? From { get; init; }
    public object? FromId { get; init; }
    public string? ReplyTo { get; init; }
    public object? ReplyToId { get; init; }
    public long? SenderIdentityId { get; init; }
    public string? Recipient { get; init; }
    public long? RecipientEnvironmentId { get; init; }
    public string? Subject { get; init; }
    public string? PreheaderText { get; init; }
    public string? Preprocessor { get; init; }
    public string? Cc { get; init; }
    public string? Bcc { get; init; }
    public bool FakeBcc { get; init; }
    /// <summary>A JSON-encoded string of [{name, value}], not an array.</summary>
    public string? Headers { get; init; }
    public string? ImageUrl { get; init; }
    public string? Url { get; init; }
    public string? Method { get; init; }
    public string? RequestMethod { get; init; }
    public bool? Tracked { get; init; }
    public bool? SendToUnsubscribed { get; init; }
    public long? MultiLanguageBranchActionId { get; init; }

    [JsonIgnore] public long Key { get; init; }
    [JsonIgnore] public IReadOnlyList<Link> Links { get; init; } = [];
}
