using System.Text.Json.Nodes;
using NJsonSchema;

namespace TapCustomerIo.Tests.Support;

/// <summary>
/// A tap's stdout read as Singer messages, checked the way real targets check it: every line a JSON object of type
/// SCHEMA, RECORD, STATE or ACTIVATE_VERSION; a stream's SCHEMA before its records and versions; every record valid against
/// its schema (NJsonSchema, formats included), key properties present and non-null; date-times with an offset; table
/// versions positive integers; the last line a STATE.
/// </summary>
internal sealed class SingerTranscript
{
    private SingerTranscript(List<JsonObject> messages) => Messages = messages;

    public IReadOnlyList<JsonObject> Messages { get; }

    public IEnumerable<JsonObject> Schemas => Messages.Where(m => (string?)m["type"] == "SCHEMA");

    public IEnumerable<JsonObject> States => Messages.Where(m => (string?)m["type"] == "STATE").Select(m => m["value"]!.AsObject());

    public JsonObject? LastState => States.LastOrDefault();

    public IEnumerable<JsonObject> Records(string stream) =>
        Messages.Where(m => (string?)m["type"] == "RECORD" && (string?)m["stream"] == stream).Select(m => m["record"]!.AsObject());

    /// <summary>The versions of the stream's ACTIVATE_VERSION messages, in order.</summary>
    public IReadOnlyList<long> ActivatedVersions(string stream) =>
        Messages.Where(m => (string?)m["type"] == "ACTIVATE_VERSION" && (string?)m["stream"] == stream).Select(m => (long)m["version"]!).ToArray();

    public IReadOnlyDictionary<string, int> RecordCounts =>
        Messages.Where(m => (string?)m["type"] == "RECORD").GroupBy(m => (string)m["stream"]!).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyList<string> Keys(string stream)
    {
        var keys = Schemas.Last(s => (string?)s["stream"] == stream)["key_properties"]!.AsArray().Select(k => (string)k!).ToArray();
        return Records(stream).Select(r => string.Join("|", keys.Select(k => r[k]!.ToJsonString()))).ToArray();
    }

    /// <summary>Parses and validates. <paramref name="complete"/>: the run ended normally, so the last line must be a STATE.</summary>
    public static SingerTranscript Parse(string stdout, bool complete = true)
    {
        Assert.False(stdout.Length > 0 && stdout[0] == '\uFEFF', "stdout starts with a byte-order mark");
        var lines = stdout.Split('\n');
        Assert.Equal("", lines[^1]); // every line ends with \n, nothing after the last
        var messages = new List<JsonObject>();
        var schemas = new Dictionary<string, (JsonSchema Schema, string[] Keys)>();
        foreach (var line in lines[..^1])
        {
            Assert.False(string.IsNullOrWhiteSpace(line), "blank line on stdout");
            var message = Assert.IsType<JsonObject>(JsonNode.Parse(line), exactMatch: false);
            var type = (string?)message["type"];
            switch (type)
            {
                case "SCHEMA":
                    var stream = (string)message["stream"]!;
                    var keys = message["key_properties"]!.AsArray().Select(k => (string)k!).ToArray();
                    schemas[stream] = (JsonSchema.FromJsonAsync(message["schema"]!.ToJsonString()).GetAwaiter().GetResult(), keys);
                    break;
                case "RECORD":
                    var name = (string)message["stream"]!;
                    Assert.True(schemas.TryGetValue(name, out var schema), $"RECORD of '{name}' before its SCHEMA");
                    var record = message["record"]!.AsObject();
                    try
                    {
                        _ = record.Count; // materialises the properties: a duplicate name throws here
                    }
                    catch (ArgumentException e)
                    {
                        Assert.Fail($"{name} record has a duplicate property ({e.Message}): {line}");
                    }

                    var errors = schema.Schema.Validate(record.ToJsonString());
                    Assert.True(errors.Count == 0, $"{name} record does not match its schema: {string.Join("; ", errors.Select(e => e.ToString()))}\n{line}");
                    foreach (var key in schema.Keys)
                    {
                        Assert.True(record[key] is not null, $"{name} record lacks key property '{key}': {line}");
                    }

                    Assert.Matches(@"Z$|[+-]\d\d:\d\d$", (string)message["time_extracted"]!);
                    if (message["version"] is { } recordVersion)
                    {
                        AssertVersion(recordVersion, line);
                    }

                    break;
                case "ACTIVATE_VERSION":
                    var versioned = (string)message["stream"]!;
                    Assert.True(schemas.ContainsKey(versioned), $"ACTIVATE_VERSION of '{versioned}' before its SCHEMA");
                    AssertVersion(message["version"], line);
                    break;
                case "STATE":
                    Assert.IsType<JsonObject>(message["value"], exactMatch: false);
                    break;
                default:
                    Assert.Fail($"unexpected message type '{type}' on stdout: {line}");
                    break;
            }

            messages.Add(message);
        }

        if (complete)
        {
            Assert.Equal("STATE", (string?)messages.LastOrDefault()?["type"]);
        }

        return new SingerTranscript(messages);
    }

    private static void AssertVersion(JsonNode? version, string line) =>
        Assert.True(version is JsonValue v && v.TryGetValue<long>(out var n) && n > 0 && !version.ToJsonString().Contains('.'),
            $"a table version must be a positive integer: {line}");
}
