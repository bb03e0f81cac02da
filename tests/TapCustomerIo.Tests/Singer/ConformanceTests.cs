using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Singer;

/// <summary>
/// The defect checklist of the Singer notes (shared/docs/singer.md §10), item by item, on the tap's real output:
/// a full sync of every stream, opt-in ones included.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ConformanceTests(ConformanceTests.FullRun fixture) : IClassFixture<ConformanceTests.FullRun>
{
    private readonly TapRun _run = fixture.Run;
    private readonly string[] _lines = fixture.Run.Stdout.Split('\n')[..^1];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    /// <summary>One sync of every stream, shared by the checks.</summary>
    public sealed class FullRun : IAsyncLifetime
    {
        private SyncHarness _harness = null!;

        internal TapRun Run { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 200 } });
            var all = JsonNode.Parse(File.ReadAllText(RepoPaths.File("catalog.sample.json")))!["streams"]!.AsArray().Select(s => (string)s!["stream"]!).ToArray();
            Run = await _harness.RunAsync(_harness.Config(), _harness.Catalog(all));
            Assert.True(Run.ExitCode == 0, Run.Stderr);
        }

        public async Task DisposeAsync() => await _harness.DisposeAsync();
    }

    private IEnumerable<JsonObject> Messages => _lines.Select(l => JsonNode.Parse(l)!.AsObject());

    [Fact]
    public void D01_stdout_holds_only_singer_messages_one_a_line()
    {
        Assert.NotEmpty(_lines);
        Assert.All(_lines, l => Assert.True(l.StartsWith("{\"type\":\"", StringComparison.Ordinal) && l.EndsWith('}'), l));
        Assert.DoesNotContain(_lines, string.IsNullOrWhiteSpace);
    }

    [Fact]
    public void D02_every_record_follows_a_schema_of_its_stream()
    {
        var seen = new HashSet<string>();
        foreach (var message in Messages)
        {
            var type = (string)message["type"]!;
            if (type == "SCHEMA")
            {
                seen.Add((string)message["stream"]!);
            }
            else if (type == "RECORD")
            {
                Assert.Contains((string)message["stream"]!, seen);
            }
        }
    }

    [Fact]
    public void D03_schemas_carry_the_catalog_key_properties()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(RepoPaths.File("catalog.sample.json")))!["streams"]!.AsArray()
            .ToDictionary(s => (string)s!["stream"]!, s => s!["key_properties"]!.ToJsonString());
        foreach (var schema in Messages.Where(m => (string?)m["type"] == "SCHEMA"))
        {
            Assert.Equal(catalog[(string)schema["stream"]!], schema["key_properties"]!.ToJsonString());
        }
    }

    [Fact]
    public void D04_keys_are_present_non_null_and_unique()
    {
        var transcript = SingerTranscript.Parse(_run.Stdout); // asserts presence and non-null
        foreach (var stream in transcript.RecordCounts.Keys)
        {
            var keys = transcript.Keys(stream);
            Assert.True(keys.Count == keys.Distinct().Count(), $"duplicate keys in {stream}");
        }
    }

    [Fact]
    public void D05_date_times_are_rfc3339_with_an_offset()
    {
        var schemas = Messages.Where(m => (string?)m["type"] == "SCHEMA").ToDictionary(m => (string)m["stream"]!, m => m["schema"]!["properties"]!.AsObject());
        var checkedValues = 0;
        foreach (var record in Messages.Where(m => (string?)m["type"] == "RECORD"))
        {
            foreach (var (name, value) in record["record"]!.AsObject())
            {
                if (schemas[(string)record["stream"]!][name]?["format"]?.GetValue<string>() == "date-time" && value is not null)
                {
                    Assert.Matches(Rfc3339(), (string)value!);
                    checkedValues++;
                }
            }
        }

        Assert.True(checkedValues > 1000);
    }

    [Fact]
    public void D06_integers_are_never_written_as_floats_or_strings()
    {
        var schemas = Messages.Where(m => (string?)m["type"] == "SCHEMA").ToDictionary(m => (string)m["stream"]!, m => m["schema"]!["properties"]!.AsObject());
        foreach (var record in Messages.Where(m => (string?)m["type"] == "RECORD"))
        {
            foreach (var (name, value) in record["record"]!.AsObject())
            {
                var types = schemas[(string)record["stream"]!][name]?["type"]?.AsArray().Select(t => (string)t!).ToArray() ?? [];
                if (types.Contains("integer") && !types.Contains("string") && value is not null)
                {
                    Assert.Equal(JsonValueKind.Number, value.GetValueKind());
                    Assert.Matches("^-?[0-9]+$", value.ToJsonString());
                }
            }
        }
    }

    [Fact]
    public void D07_one_schema_per_stream_and_a_state_after_the_last_record()
    {
        var schemas = Messages.Where(m => (string?)m["type"] == "SCHEMA").GroupBy(m => (string)m["stream"]!);
        Assert.All(schemas, g => Assert.Single(g));
        Assert.Equal("STATE", (string?)Messages.Last()["type"]);
    }

    [Fact]
    public void D08_state_is_the_standard_shape_and_never_past_the_run()
    {
        var state = Messages.Last()["value"]!.AsObject();
        Assert.True(state.ContainsKey("currently_syncing"));
        var versions = 0;
        foreach (var (stream, bookmark) in state["bookmarks"]!.AsObject())
        {
            if (bookmark!["version"] is { } version)
            {
                Assert.True(version.GetValue<long>() > 0, $"{stream} table version {version}");
                versions++;
            }

            if (bookmark["replication_key_value"] is null)
            {
                Assert.NotNull(bookmark["version"]); // a full-table stream keeps only its table version
                continue;
            }

            Assert.NotNull(bookmark["replication_key"]);
            var value = DateTimeOffset.Parse((string)bookmark["replication_key_value"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(value <= DateTimeOffset.UtcNow, $"{stream} bookmark {value} is in the future");
        }

        Assert.True(versions > 0, "no full-table stream kept its table version");
    }

    [Fact]
    public void D09_no_bom_nan_infinity_or_upper_case_only_types()
    {
        Assert.False(_run.Stdout.StartsWith('\uFEFF'));
        Assert.DoesNotMatch(@"[:,\[]\s*-?(NaN|Infinity)\b", _run.Stdout);
        Assert.All(Messages, m => Assert.Contains((string)m["type"]!, new[] { "SCHEMA", "RECORD", "STATE", "ACTIVATE_VERSION" }));
    }

    [Fact]
    public void D10_logs_go_to_stderr_only()
    {
        Assert.Contains("INFO Sync finished", _run.Stderr);
        Assert.DoesNotContain("INFO ", _run.Stdout);
    }
}
