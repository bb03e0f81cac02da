using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Tests.Singer;

public sealed class SingerWriterTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type": ["null", "object"], "properties": {
          "id": {"type": ["null", "integer"]},
          "campaign_id": {"type": ["null", "integer"]},
          "customer_id": {"type": ["null", "string"]},
          "created": {"type": ["null", "string"], "format": "date-time"},
          "metrics": {"type": ["null", "object"], "additionalProperties": {"type": ["null", "string"], "format": "date-time"}},
          "data": {"type": ["null", "object"]},
          "tags": {"type": ["null", "array"], "items": {"type": ["null", "string"]}}
        }}
        """)!.AsObject();

    private static (string Output, List<string> Unknown) Write(string record, IReadOnlySet<string>? selected = null,
        IReadOnlyList<KeyValuePair<string, string>>? extras = null)
    {
        using var output = new MemoryStream();
        var unknown = new List<string>();
        using (var writer = new SingerWriter(output))
        {
            using var document = RawDocument.Parse(record);
            writer.WriteRecords(new RecordPlan("s", Schema, selected), [document.Root], extras ?? [], "2024-01-01T00:00:00Z", unknown.Add);
        }

        return (Encoding.UTF8.GetString(output.ToArray()), unknown);
    }

    [Fact]
    public void Records_follow_the_schema_conversions()
    {
        var (output, unknown) = Write("""
            {"id": "18", "customer_id": 42, "created": 1714564800, "metrics": {"sent": 1714564801, "opened": null},
             "data": {"x": 1}, "tags": ["a"], "surprise": true}
            """);

        Assert.Equal(
            """{"type":"RECORD","stream":"s","record":{"id":18,"customer_id":"42","created":"2024-05-01T12:00:00Z","metrics":{"sent":"2024-05-01T12:00:01Z","opened":null},"data":{"x": 1},"tags":["a"]},"time_extracted":"2024-01-01T00:00:00Z"}""" + "\n",
            output);
        Assert.Equal(["surprise"], unknown);
    }

    [Fact]
    public void A_pretty_printed_body_still_gives_one_line_a_record()
    {
        var (output, _) = Write("{\n  \"id\": 1,\n  \"data\": {\n    \"x\": [1,\n 2]\n  },\n  \"tags\": [\n\"a\"\n]\n}");

        Assert.Equal(1, output.Count(c => c == '\n'));
        Assert.Contains("\"data\":{\"x\":[1,2]}", output);
    }

    [Fact]
    public void Parent_ids_are_injected_once_with_the_declared_type()
    {
        var (output, _) = Write("""{"id": 1, "campaign_id": 5}""", extras: [new("campaign_id", "7")]);

        Assert.Contains("\"record\":{\"campaign_id\":7,\"id\":1}", output);
    }

    [Fact]
    public void Deselected_fields_are_left_out()
    {
        var (output, _) = Write("""{"id": 1, "data": {"x": 1}, "tags": []}""", selected: new HashSet<string> { "id", "tags" });

        Assert.Contains("\"record\":{\"id\":1,\"tags\":[]}", output);
    }

    [Fact]
    public void Output_has_no_byte_order_mark_and_one_message_a_line()
    {
        using var output = new MemoryStream();
        using (var writer = new SingerWriter(output))
        {
            writer.WriteSchema("s", Schema, ["id"], "created");
            writer.WriteState(json =>
            {
                json.WriteStartObject();
                json.WriteStartObject("bookmarks");
                json.WriteEndObject();
                json.WriteEndObject();
            });
        }

        var bytes = output.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.StartsWith("{\"type\":\"SCHEMA\",\"stream\":\"s\"", lines[0]);
        Assert.EndsWith("\"key_properties\":[\"id\"],\"bookmark_properties\":[\"created\"]}", lines[0]);
        Assert.Equal("{\"type\":\"STATE\",\"value\":{\"bookmarks\":{}}}", lines[1]);
    }
}

public sealed class UnixSecondsTests
{
    [Fact]
    public void Hand_formatted_times_equal_the_framework_formatting_over_three_centuries()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var seconds = i < 10 ? new long[] { 0, 59, 86399, 86400, 951782400, 951868800, 4102444800, 253402300799, 1709875800, 1730613600 }[i]
                : random.NextInt64(0, 253402300799);
            var output = new TapCustomerIo.Singer.LineBuffer(8);
            TapCustomerIo.Singer.ValueWriter.WriteUnixSeconds(output, seconds);

            var expected = "\"" + DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\"";
            Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(output.Written));
        }
    }
}
