using System.Text.Json.Nodes;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Schemas;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Discovery;

/// <summary>
/// Reads the streams and fields to sync from a catalog, the way Singer runners write it: a stream is selected by
/// <c>selected</c> on its <c>[]</c> breadcrumb (or the legacy <c>schema.selected</c>); with no opinion either way its
/// <c>selected-by-default</c> applies. A field is dropped by <c>selected: false</c> or <c>inclusion: unsupported</c>,
/// except keys and the replication key, which are always emitted. Without a catalog, the default streams run.
/// </summary>
internal static class CatalogSelection
{
    public static IReadOnlyList<SelectedStream> Defaults() =>
        StreamRegistry.All.Where(s => s.SelectedByDefault).Select(s => new SelectedStream(s, null)).ToArray();

    public static IReadOnlyList<SelectedStream> Load(string path, TapConfig config, ILogger log)
    {
        var catalog = JsonFile.ReadObject(path, "catalog", "--catalog", "catalog.sample.json");
        if (catalog["streams"] is not JsonArray streams)
        {
            throw new TapException($"catalog file '{path}' has no \"streams\" list. Use the output of --discover (see catalog.sample.json).");
        }

        var selected = new List<SelectedStream>();
        foreach (var entry in streams.OfType<JsonObject>())
        {
            var name = Text(entry["tap_stream_id"]) ?? Text(entry["stream"]);
            var definition = name is null ? null : StreamRegistry.Find(name);
            if (definition is null)
            {
                log.Warning("Catalog stream '{Stream}' is not a stream of this tap; it is ignored", name ?? "(unnamed)");
                continue;
            }

            var metadata = entry["metadata"] as JsonArray ?? [];
            var top = Breadcrumb(metadata, []);
            var isSelected = Bool(top?["selected"]) ?? Bool((entry["schema"] as JsonObject)?["selected"]) ?? definition.SelectedByDefault;
            if (!isSelected)
            {
                continue;
            }

            var fullRefresh = definition.IsIncremental && Text(top?["replication-method"]) == "FULL_TABLE";
            selected.Add(new SelectedStream(definition, Fields(definition, config, metadata), fullRefresh));
        }

        return selected;
    }

    private static HashSet<string>? Fields(StreamDefinition definition, TapConfig config, JsonArray metadata)
    {
        var always = definition.Keys(config).Append(definition.ReplicationKey).OfType<string>().ToHashSet();
        var dropped = new HashSet<string>();
        foreach (var entry in metadata.OfType<JsonObject>())
        {
            if (entry["breadcrumb"] is JsonArray { Count: 2 } crumb && Text(crumb[0]) == "properties" && Text(crumb[1]) is { } field
                && !always.Contains(field)
                && entry["metadata"] is JsonObject fieldMetadata
                && (Bool(fieldMetadata["selected"]) == false || Text(fieldMetadata["inclusion"]) == "unsupported"))
            {
                dropped.Add(field);
            }
        }

        if (dropped.Count == 0)
        {
            return null;
        }

        var properties = SchemaStore.Load(definition.Name)["properties"]?.AsObject().Select(p => p.Key) ?? [];
        return properties.Where(p => !dropped.Contains(p)).ToHashSet();
    }

    private static JsonObject? Breadcrumb(JsonArray metadata, string[] path) =>
        metadata.OfType<JsonObject>()
            .FirstOrDefault(m => m["breadcrumb"] is JsonArray crumb && crumb.Select(Text).SequenceEqual(path))?["metadata"] as JsonObject;

    // Catalogs are edited by hand and by tools: every read tolerates a node of the wrong kind (it counts as absent).

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
