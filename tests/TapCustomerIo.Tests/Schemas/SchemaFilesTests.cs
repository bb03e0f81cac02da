using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Tests.Schemas;

/// <summary>
/// Checks every file in the repository's <c>schemas/</c> folder against the schema rules and against the stream
/// contract: the keys and replication keys the stream definitions (<see cref="StreamRegistry"/>) declare.
/// </summary>
public sealed class SchemaFilesTests
{
    private const string Draft7 = "http://json-schema.org/draft-07/schema#";

    /// <summary>Stream → key properties and replication key (null = full table), from the definitions.</summary>
    private static readonly Dictionary<string, (string[] Keys, string? ReplicationKey)> Contract =
        StreamRegistry.All.ToDictionary(s => s.Name, s => (s.KeyProperties.ToArray(), s.ReplicationKey), StringComparer.Ordinal);

    /// <summary>
    /// Properties that are declared fully open (<c>{}</c>, no <c>type</c>) because the API sends them sometimes as a
    /// JSON-encoded string and sometimes as an object.
    /// </summary>
    private static readonly HashSet<string> UntypedProperties = new(StringComparer.Ordinal)
    {
        "person_filters",
        "relationship_filters",
        "object_attribute_triggers",
        "relationship_attribute_triggers",
    };

    private static readonly HashSet<string> JsonTypes = new(StringComparer.Ordinal)
    {
        "null", "string", "integer", "number", "boolean", "object", "array",
    };

    private static readonly Lazy<string> SchemasDirectory = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tap-customerio.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "schemas");
    });

    public static TheoryData<string> Streams()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SchemasDirectory.Value, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void There_is_exactly_one_schema_file_per_contract_stream()
    {
        var files = Directory.GetFiles(SchemasDirectory.Value, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);

        var missing = Contract.Keys.Where(s => !files.Contains(s)).Order(StringComparer.Ordinal).ToList();
        var unknown = files.Where(f => !Contract.ContainsKey(f!)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Streams without a schema file: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "Schema files that are not contract streams: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task Schema_parses_with_NJsonSchema_as_a_nullable_object(string stream)
    {
        var schema = await JsonSchema.FromJsonAsync(await ReadAsync(stream));

        Assert.Equal(JsonObjectType.Null | JsonObjectType.Object, schema.Type);
        Assert.NotEmpty(schema.ActualProperties);
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task File_is_draft7_with_the_expected_top_level_shape_and_formatting(string stream)
    {
        var text = await ReadAsync(stream);
        var root = Parse(text);

        Assert.Equal(Draft7, root["$schema"]?.GetValue<string>());
        Assert.Equal(["null", "object"], TypeNames(root["type"]));
        Assert.IsType<JsonObject>(root["properties"]);

        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal), "more than one final newline");
        foreach (var line in text.Split('\n'))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            Assert.True(indent % 2 == 0, $"odd indentation in line: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task Every_property_at_every_depth_is_nullable(string stream)
    {
        var root = Parse(await ReadAsync(stream));
        var problems = new List<string>();

        CheckSchema(root, stream, propertyName: null, isRoot: true, problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task No_additionalProperties_false_anywhere(string stream)
    {
        var root = Parse(await ReadAsync(stream));
        var problems = new List<string>();

        FindClosedObjects(root, stream, problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task Key_properties_and_replication_key_are_declared_first(string stream)
    {
        Assert.True(Contract.TryGetValue(stream, out var contract), $"{stream} is not a contract stream");

        var text = await ReadAsync(stream);
        var schema = await JsonSchema.FromJsonAsync(text);
        foreach (var key in contract.Keys)
        {
            Assert.True(schema.ActualProperties.ContainsKey(key), $"{stream}: key property '{key}' is not declared");
        }

        if (contract.ReplicationKey is { } replicationKey)
        {
            Assert.True(
                schema.ActualProperties.ContainsKey(replicationKey),
                $"{stream}: replication key '{replicationKey}' is not declared");
            Assert.Equal(
                ["null", "string"],
                TypeNames(Parse(text)["properties"]![replicationKey]!["type"]));
        }

        // Order: key properties first, then the replication key (when it is not itself a key).
        var order = ((JsonObject)Parse(text)["properties"]!).Select(p => p.Key).ToList();
        var expectedFirst = contract.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.True(
            order.Take(contract.Keys.Length).ToHashSet(StringComparer.Ordinal).SetEquals(expectedFirst),
            $"{stream}: the first properties should be the key properties ({string.Join(", ", contract.Keys)}), " +
            $"found {string.Join(", ", order.Take(contract.Keys.Length))}");
        if (contract.ReplicationKey is { } rk && !expectedFirst.Contains(rk))
        {
            Assert.Equal(rk, order[contract.Keys.Length]);
        }
    }

    private static void CheckSchema(JsonNode? node, string path, string? propertyName, bool isRoot, List<string> problems)
    {
        if (node is not JsonObject schema)
        {
            problems.Add($"{path}: a schema must be a JSON object");
            return;
        }

        if (schema.ContainsKey("$ref"))
        {
            problems.Add($"{path}: $ref is not allowed");
        }

        if (schema.ContainsKey("required"))
        {
            problems.Add($"{path}: required is not allowed");
        }

        List<string>? types = null;
        if (schema.TryGetPropertyValue("type", out var typeNode))
        {
            types = TypeNames(typeNode);
            if (typeNode is not JsonArray)
            {
                problems.Add($"{path}: type must be an array");
            }
            else if (!types.Contains("null") || types.Count < 2)
            {
                problems.Add($"{path}: type must contain \"null\" and one other type, found [{string.Join(", ", types)}]");
            }

            foreach (var t in types.Where(t => !JsonTypes.Contains(t)))
            {
                problems.Add($"{path}: unknown type \"{t}\"");
            }

            if (types.Distinct(StringComparer.Ordinal).Count() != types.Count)
            {
                problems.Add($"{path}: duplicate entries in type");
            }
        }
        else if (isRoot)
        {
            problems.Add($"{path}: the schema must declare a type");
        }
        else if (propertyName is null || !UntypedProperties.Contains(propertyName) || schema.Count != 0)
        {
            problems.Add($"{path}: no type (only {string.Join(", ", UntypedProperties)} may be a bare {{}})");
        }

        if (schema.TryGetPropertyValue("format", out var format)
            && format?.GetValue<string>() == "date-time"
            && (types is null || !types.SequenceEqual(["null", "string"])))
        {
            problems.Add($"{path}: a date-time must be typed [\"null\", \"string\"]");
        }

        if (schema.TryGetPropertyValue("properties", out var properties))
        {
            if (properties is not JsonObject props)
            {
                problems.Add($"{path}: properties must be an object");
            }
            else
            {
                foreach (var (name, child) in props)
                {
                    CheckSchema(child, $"{path}.{name}", name, isRoot: false, problems);
                }
            }
        }

        if (schema.TryGetPropertyValue("items", out var items))
        {
            CheckSchema(items, $"{path}[]", propertyName: null, isRoot: false, problems);
        }
        else if (types?.Contains("array") == true)
        {
            problems.Add($"{path}: an array must declare items");
        }

        if (schema.TryGetPropertyValue("additionalProperties", out var additional) && additional is JsonObject)
        {
            CheckSchema(additional, $"{path}.*", propertyName: null, isRoot: false, problems);
        }
    }

    private static void FindClosedObjects(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == "additionalProperties" && child?.GetValueKind() == JsonValueKind.False)
                    {
                        problems.Add($"{path}: additionalProperties is false");
                    }

                    FindClosedObjects(child, $"{path}.{name}", problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    FindClosedObjects(array[i], $"{path}[{i}]", problems);
                }

                break;
        }
    }

    private static List<string> TypeNames(JsonNode? type) => type switch
    {
        JsonArray array => array.Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "?").ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    private static JsonObject Parse(string text) =>
        Assert.IsType<JsonObject>(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }));

    private static Task<string> ReadAsync(string stream) =>
        File.ReadAllTextAsync(Path.Combine(SchemasDirectory.Value, stream + ".json"));
}
