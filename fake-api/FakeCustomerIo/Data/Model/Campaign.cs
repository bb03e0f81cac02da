using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FakeCustomerIo.Data.Model;

/// <summary>An item of GET /v1/campaigns. Serialised with snake_case names; every field is written, nulls included.</summary>
internal sealed record Campaign
{
    public required long Id { get; init; }
    public required string DeduplicateId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required long Created { get; init; }
    public required long Updated { get; init; }
    public long? FirstStarted { get; init; }
    public bool Active { get; init; }
    public required string State { get; init; }
    /// <summary>Here action ids are integers; the same ids arrive as strings from /actions.</summary>
    public required IReadOnlyList<ActionRef> Actions { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<long> TriggerSegmentIds { get; init; } = [];
    public IReadOnlyList<long> FilterSegmentIds { get; init; } = [];
    /// <summary>Deprecated trigger type ("segment", "event", "date"), still sent.</summary>
    public string? Type { get; init; }
    public string? EventName { get; init; }
    public string? EventType { get; init; }
    public string? DateAttribute { get; init; }
    public string? Frequency { get; init; }
    public string? Timezone { get; init; }
    public bool UseCustomerTimezone { get; init; }
    public int? StartHour { get; init; }
    public int? StartMinutes { get; init; }
    public long? ScheduledStart { get; init; }
    public bool ScheduledStartShouldBackfill { get; init; }
    public long? ScheduledStop { get; init; }
    public bool ScheduledStopShouldSunset { get; init; }
    /// <summary>Open object; <c>person_filters</c> is sometimes an object and sometimes a JSON-encoded string.</summary>
    public JsonObject? Audience { get; init; }
    public long? ObjectTypeId { get; init; }
    public JsonNode? ObjectAttributeTriggers { get; init; }
    public JsonNode? RelationshipAttributeTriggers { get; init; }
    public string? FilterObjectAttributes { get; init; }
    public string? FilterRelationshipAttributes { get; init; }
    public long? WebhookId { get; init; }
    public string? CreatedBy { get; init; }
    public IReadOnlyList<ActionRef>? MsgTemplates { get; init; }

    [JsonIgnore] public IReadOnlyList<MessageAction> ActionDetails { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<Link> Links { get; init; } = [];
}

internal sealed record ActionRef(long Id, string Type);

internal sealed record Link(long Id, string Href);
