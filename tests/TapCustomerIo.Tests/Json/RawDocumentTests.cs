using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TapCustomerIo.Json;

namespace TapCustomerIo.Tests.Json;

/// <summary>The raw reader against System.Text.Json: the same values found, the same text kept, the same bodies refused.</summary>
public sealed class RawDocumentTests
{
    [Fact]
    public void Finds_properties_items_strings_and_numbers_as_JsonElement_does()
    {
        const string json = """ { "a" : [1, -2.5e3, "x\u00e9\n\"y", true, false, null, {"b": {}}, []], "c\u0064": "ü", "n": 12345678901 } """;
        using var document = RawDocument.Parse(json);
        var root = document.Root;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["a", "cd", "n"], root.EnumerateObject().Select(p => p.Name));
        var items = root.GetProperty("a").EnumerateArray().ToArray();
        Assert.Equal(8, root.GetProperty("a").GetArrayLength());
        Assert.Equal(items.Select(i => i.GetRawText()), document.Items(root.GetProperty("a")).Select(i => i.GetRawText())); // split at the check
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.String, JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null,
            JsonValueKind.Object, JsonValueKind.Array], items.Select(i => i.ValueKind));
        Assert.Equal(1, items[0].GetInt64());
        Assert.False(items[1].TryGetInt64(out _));
        Assert.True(items[1].TryGetDouble(out var d) && d == -2500);
        Assert.Equal("xé\n\"y", items[2].GetString());
        Assert.Equal("""
            "x\u00e9\n\"y"
            """, Encoding.UTF8.GetString(items[2].Raw));
        Assert.True(root.TryGetProperty("cd", out var escapedName) && escapedName.GetString() == "ü");
        Assert.Equal(12345678901, root.GetProperty("n").GetInt64());
        Assert.Equal("""{"b": {}}""", items[6].GetRawText());
        Assert.False(root.TryGetProperty("missing", out _));
        Assert.Equal("", default(RawValue).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[1 2]")]
    [InlineData("{a: 1}")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12g4\"")]
    [InlineData("\"line\nbreak\"")]
    [InlineData("tru")]
    [InlineData("nul1")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData("{} {}")]
    public void Refuses_what_is_not_one_JSON_value(string json) =>
        Assert.ThrowsAny<JsonException>(() => RawDocument.Parse(json));

    [Fact]
    public void Refuses_every_cut_of_a_body_that_System_Text_Json_refuses()
    {
        const string json = """{"customers":[{"id":"1","attributes":{"name":"J\u00f6rg \"Jo\"","n":-1.5e-3,"ok":true,"x":null}},{"list":[[],{}]}],"next":"abc"}""";
        for (var cut = 0; cut < json.Length; cut++)
        {
            var text = json[..cut];
            var refused = Throws(() => JsonDocument.Parse(text).Dispose());
            Assert.True(refused == Throws(() => RawDocument.Parse(text).Dispose()), $"cut at {cut}: '{text}'");
        }
    }

    [Fact]
    public void Accepts_and_refuses_strings_as_System_Text_Json_does()
    {
        // Runs longer and shorter than the scanner's byte-by-byte look after an escape, good and bad escapes, raw control
        // characters and stray quotes, in any order.
        string[] pieces = ["a", "é", "abcdefghijklmnopqrstuvwxyz0123456789", "\\n", "\\u00e9", "\\uD83C\\uDF89", "\\u12g4", "\\x", "\\\\", "\n", "\u0001", "\"", "\\"];
        Gen.Int[0, 100_000].Select(seed =>
        {
            var random = new Random(seed);
            return "[\"" + string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => pieces[random.Next(pieces.Length)])) + "\"]";
        }).Sample(json =>
        {
            var refused = Throws(() => JsonDocument.Parse(json).Dispose());
            Assert.True(refused == Throws(() => RawDocument.Parse(json).Dispose()), $"'{json}': System.Text.Json {(refused ? "refuses" : "accepts")} it");
        }, iter: 2000);
    }

    [Fact]
    public void Reads_any_JSON_the_serializer_writes_as_JsonElement_reads_it()
    {
        Gen.Int[0, 100_000].Select(seed => Random(new Random(seed), 0)).Sample(node =>
        {
            var json = node?.ToJsonString() ?? "null";
            using var expected = JsonDocument.Parse(json);
            using var actual = RawDocument.Parse(json);
            Assert.Equal(Describe(expected.RootElement), Describe(actual.Root));
        }, iter: 300);
    }

    [Fact]
    public void Records_of_an_envelope_read_from_the_checks_index_as_from_the_text()
    {
        Gen.Int[0, 100_000].Select(seed => Random(new Random(seed), 1)).Sample(node =>
        {
            var json = new JsonObject { ["next"] = "x", ["list"] = new JsonArray(node, new JsonObject { ["a"] = node?.DeepClone(), ["b"] = 1 }) }.ToJsonString();
            using var expected = JsonDocument.Parse(json);
            using var actual = RawDocument.Parse(json);
            var items = actual.Items(actual.Root.GetProperty("list"));
            Assert.Equal(expected.RootElement.GetProperty("list").EnumerateArray().Select(Describe), items.Select(Describe));
            Assert.Equal(Describe(expected.RootElement.GetProperty("list")[1].GetProperty("a")), Describe(items[1].GetProperty("a")));
            Assert.False(items[1].TryGetProperty("c", out _));
        }, iter: 300);
    }

    [Fact]
    public void A_value_read_after_its_document_was_disposed_throws()
    {
        var document = RawDocument.Parse("""{"a": 1}""");
        var root = document.Root;
        document.Dispose();
        Assert.Throws<ObjectDisposedException>(() => root.GetProperty("a"));
    }

    private const string Alphabet = "aé\"\\\n\u0001€中 /";

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static JsonNode? Random(Random random, int depth) => random.Next(depth > 3 ? 4 : 6) switch
    {
        0 => JsonValue.Create(random.Next(-1000, 1000) * Math.Pow(10, random.Next(-3, 12))),
        1 => JsonValue.Create(new string([.. Enumerable.Range(0, random.Next(12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])])),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => null,
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Random(random, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create($"k{i}\u00e9\"", Random(random, depth + 1)))),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().Select(p => p.Name + ":" + Describe(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Describe)) + "]",
        JsonValueKind.String => "s:" + value.GetString() + ":" + value.GetRawText(),
        _ => value.ValueKind + ":" + value.GetRawText(),
    };

    private static string Describe(RawValue value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().Select(p => p.Name + ":" + Describe(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Describe)) + "]",
        JsonValueKind.String => "s:" + value.GetString() + ":" + value.GetRawText(),
        _ => value.ValueKind + ":" + value.GetRawText(),
    };
}
