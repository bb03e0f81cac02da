using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Json;

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
            .ToDictionary(p => p.Key, p => new PlannedField(p.Key, Prefix(p.Key), FieldPlan.Compile(p.Value)));
        Declared = properties.Select(p => p.Key).ToHashSet();
        var additional = FieldPlan.Compile(schema["additionalProperties"]);
        Additional = schema["additionalProperties"] is JsonObject ? additional : null;
        Schema = (JsonObject)schema.DeepClone();
        if (Schema["properties"] is JsonObject emitted)
        {
            foreach (var name in Declared.Where(n => !Fields.ContainsKey(n)))
            {
                emitted.Remove(name);
            }
        }
    }

    private static byte[] Prefix(string name) =>
        System.Text.Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(name, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\":");

    /// <summary>The schema of the SCHEMA message: only the properties this plan emits.</summary>
    public JsonObject Schema { get; }

    public string Stream { get; }

    public IReadOnlyDictionary<string, PlannedField> Fields { get; }

    /// <summary>Plan for top-level names the schema does not declare but allows (metric rows keep unknown metric names).</summary>
    public FieldPlan? Additional { get; }

    /// <summary>Every property the schema declares, selected or not.</summary>
    public IReadOnlySet<string> Declared { get; }

    /// <summary>
    /// The planned field of the property at <paramref name="position"/> of a record (null: not emitted). Records of one
    /// list share their layout, so the last name seen at each position is compared as UTF-8 bytes first, which spares
    /// a string per property on the hot path. Not thread-safe: the writer calls it under its lock.
    /// </summary>
    public PlannedField? Lookup(RawProperty property, int position)
    {
        if (position < _layout.Length && _layout[position] is { } cached && property.NameEquals(cached.Utf8))
        {
            return cached.Field;
        }

        var name = property.Name;
        Fields.TryGetValue(name, out var field);
        if (position >= _layout.Length)
        {
            Array.Resize(ref _layout, Math.Max(position + 1, _layout.Length * 2));
        }

        _layout[position] = new LayoutEntry(System.Text.Encoding.UTF8.GetBytes(name), field);
        return field;
    }

    private LayoutEntry?[] _layout = new LayoutEntry?[32];

    private sealed record LayoutEntry(byte[] Utf8, PlannedField? Field);

    /// <summary>True once per unknown name, so the caller logs each only once per run.</summary>
    public bool FirstSightOfUnknown(string name) => !Declared.Contains(name) && _reportedUnknown.TryAdd(name, true);
}

/// <param name="Prefix">The property's name as a record line writes it: <c>"name":</c>.</param>
internal sealed record PlannedField(string Key, byte[] Prefix, FieldPlan Plan);
