using System.Text.Json.Nodes;

namespace TapCustomerIo.Schemas;

/// <summary>
/// How to turn one API value into the value the schema promises, compiled once per stream from its JSON Schema:
/// the schema is the single source of truth for time conversion and id normalisation.
/// </summary>
internal sealed class FieldPlan
{
    public static readonly FieldPlan Pass = new(FieldKind.Pass);

    private FieldPlan(FieldKind kind, IReadOnlyDictionary<string, FieldPlan>? properties = null, FieldPlan? additional = null, FieldPlan? items = null)
    {
        Kind = kind;
        Properties = properties;
        PropertiesByName = properties is Dictionary<string, FieldPlan> map ? map.GetAlternateLookup<ReadOnlySpan<char>>() : null;
        Additional = additional;
        Items = items;
    }

    public FieldKind Kind { get; }

    public IReadOnlyDictionary<string, FieldPlan>? Properties { get; }

    /// <summary><see cref="Properties"/> searchable by a span of characters, so the hot path allocates no name strings.</summary>
    public Dictionary<string, FieldPlan>.AlternateLookup<ReadOnlySpan<char>>? PropertiesByName { get; }

    public FieldPlan? Additional { get; }

    public FieldPlan? Items { get; }

    public static FieldPlan Compile(JsonNode? schema)
    {
        if (schema is not JsonObject node)
        {
            return Pass;
        }

        var types = Types(node);
        if (types.Contains("string") && node["format"]?.GetValue<string>() == "date-time")
        {
            return new FieldPlan(FieldKind.DateTime);
        }

        if (types.Contains("integer") && !types.Contains("string"))
        {
            return new FieldPlan(FieldKind.Integer);
        }

        if (types.Contains("string") && !types.Contains("integer") && !types.Contains("number"))
        {
            return new FieldPlan(FieldKind.String);
        }

        if (types.Contains("array"))
        {
            var items = Compile(node["items"]);
            return items.Kind == FieldKind.Pass ? Pass : new FieldPlan(FieldKind.Array, items: items);
        }

        if (types.Contains("object"))
        {
            var properties = (node["properties"] as JsonObject)?
                .ToDictionary(p => p.Key, p => Compile(p.Value));
            var additional = Compile(node["additionalProperties"]);
            var hasAdditional = additional.Kind != FieldKind.Pass;
            return properties?.Values.Any(p => p.Kind != FieldKind.Pass) == true || hasAdditional
                ? new FieldPlan(FieldKind.Object, properties, hasAdditional ? additional : null)
                : Pass;
        }

        return Pass;
    }

    public static HashSet<string> Types(JsonObject node) => node["type"] switch
    {
        JsonArray array => array.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
