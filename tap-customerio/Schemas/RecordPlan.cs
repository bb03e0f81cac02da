using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TapCustomerIo.Schemas;

/// <summary>
/// The top level of a stream's transform: which properties are emitted (declared and selected) and the plan of each.
/// Undeclared top-level fields are left out so every record matches the SCHEMA message; open maps keep every key.
/// </summary>
internal sealed class RecordPlan
{
    private readonly ConcurrentDictionary<string, bool> _reportedUnknown = new();

    public RecordPlan(string stream, JsonObject schema, IReadOnlySet<string>? selected = null)
    {
        Stream = stream;
        var properties = schema["properties"] as JsonObject ?? [];
        Fields = properties
            .Where(p => selected is null || selected.Contains(p.Key))
            .ToDictionary(p => p.Key, p => new PlannedField(JsonEncodedText.Encode(p.Key), FieldPlan.Compile(p.Value)));
        Declared = properties.Select(p => p.Key).ToHashSet();
        var additional = FieldPlan.Compile(schema["additionalProperties"]);
        Additional = schema["additionalProperties"] is JsonObject ? additional : null;
    }

    public string Stream { get; }

    public IReadOnlyDictionary<string, PlannedField> Fields { get; }

    /// <summary>Plan for top-level names the schema does not declare but allows (metric rows keep unknown metric names).</summary>
    public FieldPlan? Additional { get; }

    private HashSet<string> Declared { get; }

    /// <summary>True once per unknown name, so the caller logs each only once per run.</summary>
    public bool FirstSightOfUnknown(string name) => !Declared.Contains(name) && _reportedUnknown.TryAdd(name, true);
}

internal sealed record PlannedField(JsonEncodedText Name, FieldPlan Plan);
