using System.Text.Json.Nodes;
using TapCustomerIo.Config;
using TapCustomerIo.Schemas;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Discovery;

/// <summary>
/// Builds the Singer catalog from the registry and the embedded schemas, without calling the API:
/// the key is all any App API key needs, and discovery must work offline and fast.
/// </summary>
internal static class CatalogBuilder
{
    public static JsonObject Build(TapConfig? config)
    {
        var streams = new JsonArray();
        foreach (var stream in StreamRegistry.All)
        {
            streams.Add((JsonNode)Entry(stream, config));
        }

        return new JsonObject { ["streams"] = streams };
    }

    private static JsonObject Entry(StreamDefinition stream, TapConfig? config)
    {
        var schema = SchemaStore.Load(stream.Name);
        var keys = stream.Keys(config);
        var entry = new JsonObject
        {
            ["tap_stream_id"] = stream.Name,
            ["stream"] = stream.Name,
            ["key_properties"] = Strings(keys),
        };
        if (stream.ReplicationKey is { } replicationKey)
        {
            entry["replication_key"] = replicationKey;
        }

        entry["replication_method"] = Method(stream);
        entry["schema"] = schema;
        entry["metadata"] = Metadata(stream, schema, keys);
        return entry;
    }

    private static JsonArray Metadata(StreamDefinition stream, JsonObject schema, IReadOnlyList<string> keys)
    {
        var top = new JsonObject
        {
            ["inclusion"] = "available",
            ["selected-by-default"] = stream.SelectedByDefault,
            ["table-key-properties"] = Strings(keys),
            ["forced-replication-method"] = Method(stream),
        };
        if (stream.ReplicationKey is { } replicationKey)
        {
            top["valid-replication-keys"] = Strings([replicationKey]);
        }

        var metadata = new JsonArray { (JsonNode)new JsonObject { ["breadcrumb"] = new JsonArray(), ["metadata"] = top } };
        foreach (var (name, _) in schema["properties"]?.AsObject() ?? [])
        {
            var automatic = keys.Contains(name) || name == stream.ReplicationKey;
            metadata.Add((JsonNode)new JsonObject
            {
                ["breadcrumb"] = new JsonArray("properties", name),
                ["metadata"] = new JsonObject { ["inclusion"] = automatic ? "automatic" : "available" },
            });
        }

        return metadata;
    }

    private static string Method(StreamDefinition stream) => stream.IsIncremental ? "INCREMENTAL" : "FULL_TABLE";

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
