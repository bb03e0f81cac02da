using System.Text.Json.Serialization;

namespace FakeCustomerIo.Data.Model;

internal sealed record Segment
{
    public required long Id { get; init; }
    public required string DeduplicateId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string State { get; init; } = "finished";
    public int? Progress { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public required long CreatedAt { get; init; }
    public required long UpdatedAt { get; init; }

    /// <summary>Share of people in the segment (0 for the empty one).</summary>
    [JsonIgnore] public double Fraction { get; init; }
}
