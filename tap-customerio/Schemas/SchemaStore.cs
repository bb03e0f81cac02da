using System.Text.Json.Nodes;

namespace TapCustomerIo.Schemas;

/// <summary>The JSON Schemas of <c>schemas/&lt;stream&gt;.json</c>, embedded in the binary under <c>schemas/&lt;stream&gt;.json</c>.</summary>
internal static class SchemaStore
{
    private const string Prefix = "schemas/";

    public static IReadOnlyList<string> Names { get; } = typeof(SchemaStore).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A fresh copy each call, so callers may edit it (field selection) freely.</summary>
    public static JsonObject Load(string stream)
    {
        using var resource = typeof(SchemaStore).Assembly.GetManifestResourceStream(Prefix + stream + ".json")
            ?? throw new InvalidOperationException($"no embedded schema for stream '{stream}'");
        return JsonNode.Parse(resource)!.AsObject();
    }
}
