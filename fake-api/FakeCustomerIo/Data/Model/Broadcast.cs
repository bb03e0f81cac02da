using System.Text.Json.Serialization;

namespace FakeCustomerIo.Data.Model;

internal sealed record Broadcast
{
    public required long Id { get; init; }
    public required string DeduplicateId { get; init; }
    public required string Name { get; init; }
    public string Type { get; init; } = "triggered_broadcast";
    public required long Created { get; init; }
    public required long Updated { get; init; }
    public long? FirstStarted { get; init; }
    public bool Active { get; init; }
    public required string State { get; init; }
    public required IReadOnlyList<ActionRef> Actions { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? CreatedBy { get; init; }
    public IReadOnlyList<long>? MsgTemplateIds { get; init; }

    [JsonIgnore] public IReadOnlyList<MessageAction> ActionDetails { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<BroadcastTrigger> Triggers { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<Link> Links { get; init; } = [];
}

internal sealed record BroadcastTrigger(long Id, long BroadcastId, long CreatedAt, long? ProcessedAt);
