using System.Text.Json.Nodes;
using NJsonSchema;

namespace TapCustomerIo.Tests.Contract;

/// <summary>One operation of the digest: its parameters, request body schema and 200 response schema.</summary>
internal sealed class SpecOperation
{
    private readonly Lazy<JsonSchema?> _response;
    private readonly Lazy<JsonSchema?> _body;

    public SpecOperation(JsonObject operation)
    {
        Method = (string)operation["method"]!;
        Path = (string)operation["path"]!;
        Segments = Path.Split('/');
        Query = operation["query"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!.AsObject());
        PathParams = operation["path_params"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!.AsObject());
        _response = new(() => Compile(operation["response"]));
        _body = new(() => Compile(operation["body"]));
    }

    public string Method { get; }
    public string Path { get; }
    public string[] Segments { get; }
    public IReadOnlyDictionary<string, JsonObject> Query { get; }
    public IReadOnlyDictionary<string, JsonObject> PathParams { get; }
    public JsonSchema? Response => _response.Value;
    public JsonSchema? Body => _body.Value;

    /// <summary>"GET /v1/campaigns/{campaign_id}": how allow-list lines name the operation.</summary>
    public override string ToString() => $"{Method} {Path}";

    /// <summary>The concrete value of each path parameter in <paramref name="path"/>.</summary>
    public IEnumerable<(string Name, string Value)> PathValues(string path) =>
        Segments.Zip(path.Split('/'))
            .Where(p => p.First.StartsWith('{'))
            .Select(p => (p.First.Trim('{', '}'), Uri.UnescapeDataString(p.Second)));

    private static JsonSchema? Compile(JsonNode? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var copy = schema.DeepClone();
        OneOfWithoutRequiredAsAnyOf(copy);
        return JsonSchema.FromJsonAsync(copy.ToJsonString()).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The definition uses <c>oneOf</c> for alternatives that are not exclusive: object branches that declare no
    /// <c>required</c> property all match a body that has none of their properties (or only shared ones), so a
    /// strict reading rejects every such body. Read them as <c>anyOf</c>, as the definition means them.
    /// </summary>
    private static void OneOfWithoutRequiredAsAnyOf(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["oneOf"] is JsonArray branches && branches.Any(b => b is JsonObject o && !o.ContainsKey("required")))
            {
                obj.Remove("oneOf");
                obj["anyOf"] = branches;
            }

            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    OneOfWithoutRequiredAsAnyOf(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    OneOfWithoutRequiredAsAnyOf(child);
                }
            }
        }
    }
}
