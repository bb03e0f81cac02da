using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using FakeCustomerIo;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;
using Xunit.Abstractions;

namespace TapCustomerIo.Tests.Config;

/// <summary>
/// Corrupt and hand-edited config, catalog and state files, generated with CsCheck and fed to the real executable.
/// Whatever the file holds, the tap ends with exit 0 (the file happened to be valid), 1 with exactly one CRITICAL line,
/// or 2 with a usage line; never a stack trace, never an unhandled exception, never the API key in its output.
/// Catalog and state runs use a key the fake API accepts, so a file the tap accepts syncs a few cheap streams to the end
/// (exit 0), and a file it rejects must be named in the error together with the key that is wrong: a tap that ignored a
/// corrupt file would sync and pass only if the file was in fact usable. Config runs in sync mode use a key the fake
/// refuses (401): a config the tap accepts ends at its first request, quickly and with a clear message.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CorruptInputPropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "sk-PROPERTY-SECRET-5f1c9a";

    /// <summary>Contains <see cref="Secret"/>, so a leak of either key is caught by the same checks.</summary>
    private const string RefusedKey = Secret + "-refused";

    /// <summary>Cheap incremental streams (one request each): the state files bookmark them and the state runs sync them.</summary>
    private static readonly string[] StateStreams = ["campaigns", "broadcasts", "newsletters", "segments", "collections", "snippets"];
    private const string Hole = "@@HOLE@@";
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private readonly TempFiles _files = new();
    private FakeApiServer? _api;

    public async Task InitializeAsync() =>
        _api = await FakeApiServer.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, ApiKey = Secret });

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _files.Dispose();
    }

    private string ApiBaseUrl => _api!.BaseUrl.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Corrupt_config_files_end_in_one_clear_line_when_discovering()
    {
        var valid = BaseConfig("http://127.0.0.1:9", RefusedKey);
        await Gen.Frequency(
                (6, Mutations(valid, Paths(valid))),
                (2, WrongTypeForASetting(valid)))
            .SampleAsync(async file =>
            {
                var run = await RunAsync(file, "config", path => ["--config", path, "--discover"]);
                var exit = AssertClearOutcome(file, run);
                if (exit == 0)
                {
                    Assert.NotNull(JsonNode.Parse(run.Stdout)?["streams"]);
                }
            }, writeLine: output.WriteLine, iter: 80, threads: 2, print: Print);
    }

    [Fact]
    public async Task Edited_config_values_end_in_one_clear_line_when_syncing()
    {
        // base_url stays on the fake: another host would be retried for minutes, or reached over the network.
        var valid = BaseConfig(ApiBaseUrl, RefusedKey);
        await WrongTypeForASetting(valid, EdgeValue, except: "base_url")
            .SampleAsync(async file =>
            {
                var run = await RunAsync(file, "config", path => ["--config", path]);
                AssertClearOutcome(file, run);
            }, writeLine: output.WriteLine, iter: 40, threads: 2, print: Print);
    }

    [Fact]
    public async Task Corrupt_catalog_files_end_in_one_clear_line()
    {
        var config = SyncConfig();
        var valid = BaseCatalog();
        await Mutations(valid, Paths(valid))
            .SampleAsync(async file =>
            {
                var (run, path) = await RunWithPathAsync(file, "catalog", path => ["--config", config, "--catalog", path]);
                AssertClearOutcome(file, run);
                AssertErrorNamesFileAndKey(file, run, path);
            }, writeLine: output.WriteLine, iter: 40, threads: 2, print: Print);
    }

    [Fact]
    public async Task Corrupt_state_files_end_in_one_clear_line()
    {
        var config = SyncConfig();
        var catalog = StateCatalog();
        await Gen.OneOf(BaseStates().Select(s => (IGen<CorruptFile>)Mutations(s, Paths(s))).ToArray())
            .SampleAsync(async file =>
            {
                var (run, path) = await RunWithPathAsync(file, "state", path => ["--config", config, "--catalog", catalog, "--state", path]);
                AssertClearOutcome(file, run);
                AssertErrorNamesFileAndKey(file, run, path);
            }, writeLine: output.WriteLine, iter: 40, threads: 2, print: Print);
    }

    // Regression cases the property tests found: each once ended in the catch-all "Unexpected error" line.

    [Fact]
    public async Task Duplicate_key_in_config_names_the_key()
    {
        var critical = await AssertClearError("config", $$"""{"api_key": "{{Secret}}", "api_key": "x"}""", config => ["--config", config, "--discover"]);
        Assert.Contains("has the key 'api_key' twice", critical);
    }

    [Fact]
    public async Task Duplicate_key_in_state_names_the_key()
    {
        var critical = await AssertClearError("state", """{"bookmarks": {"campaigns": {}, "campaigns": {}}}""", state => ["--config", SyncConfig(), "--catalog", StateCatalog(), "--state", state]);
        Assert.Contains("has the key 'campaigns' twice", critical);
    }

    // The tap reads its own schemas, and catalog metadata of the wrong kind counts as absent: these sync (exit 0).

    [Fact]
    public Task Catalog_schema_that_is_not_an_object_is_ignored() =>
        AssertAccepted("catalog", """{"streams": [{"tap_stream_id": "campaigns", "schema": 5, "metadata": []}]}""",
            catalog => ["--config", SyncConfig(), "--catalog", catalog]);

    [Fact]
    public Task Catalog_field_metadata_that_is_not_an_object_is_ignored() =>
        AssertAccepted("catalog",
            """{"streams": [{"tap_stream_id": "campaigns", "metadata": [{"breadcrumb": [], "metadata": {"selected": true}}, {"breadcrumb": ["properties", "name"], "metadata": "x"}]}]}""",
            catalog => ["--config", SyncConfig(), "--catalog", catalog]);

    /// <summary>Not a STATE message, so read as a state without bookmarks: the streams sync from start_date.</summary>
    [Fact]
    public Task State_message_type_that_is_not_a_string_is_read_as_an_empty_state() =>
        AssertAccepted("state", """{"type": 5, "value": {}}""", state => ["--config", SyncConfig(), "--catalog", StateCatalog(), "--state", state]);

    [Fact]
    public Task Bookmark_at_the_start_of_the_calendar_is_reported_or_floored() =>
        AssertClearError("state", """{"bookmarks": {"campaigns": {"replication_key": "updated", "replication_key_value": "0001-01-01T00:00:00Z"}}}""",
            state => ["--config", SyncConfig(), "--catalog", StateCatalog(), "--state", state]);

    [Fact]
    public Task Start_date_at_the_start_of_the_calendar_is_reported_or_floored() =>
        AssertClearError("config", BaseConfig(ApiBaseUrl, RefusedKey, ("start_date", "0001-01-01T00:00:00Z")).ToJsonString(), config => ["--config", config]);

    [Fact]
    public Task Request_timeout_over_a_day_is_reported() =>
        AssertClearError("config", BaseConfig(ApiBaseUrl, RefusedKey, ("request_timeout_seconds", 86401)).ToJsonString(), config => ["--config", config]);

    [Fact]
    public Task Tiny_request_rate_is_reported() =>
        AssertClearError("config", BaseConfig(ApiBaseUrl, RefusedKey, ("max_requests_per_second", 1e-12)).ToJsonString(), config => ["--config", config]);

    /// <summary>A config the fake accepts: catalog and state runs sync to the end unless the file is rejected.</summary>
    private string SyncConfig() => _files.Write($"sync-config-{Guid.NewGuid():N}.json", BaseConfig(ApiBaseUrl, Secret).ToJsonString());

    private string StateCatalog() => _files.Write($"state-catalog-{Guid.NewGuid():N}.json", SyncHarness.SelectStreams(StateStreams));

    private async Task<string> AssertClearError(string kind, string content, Func<string, string[]> args)
    {
        var run = await RunAsync(new CorruptFile("regression", Utf8.GetBytes(content), MustFail: true), kind, args);

        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.StderrLines, l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.DoesNotContain("Unexpected error", critical);
        Assert.Equal(critical, run.StderrLines[^1]);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr);
        return critical;
    }

    private async Task AssertAccepted(string kind, string content, Func<string, string[]> args)
    {
        var run = await RunAsync(new CorruptFile("regression", Utf8.GetBytes(content), MustFail: false), kind, args);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("CRITICAL", run.Stderr);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr);
    }

    /// <summary>
    /// A rejected catalog or state file is named in the error, and so is the key whose value is wrong: the error must
    /// name one of the keys on the path the mutation changed (for a file that is still JSON; a syntax error has no key).
    /// </summary>
    private static void AssertErrorNamesFileAndKey(CorruptFile file, TapRun run, string path)
    {
        if (run.ExitCode != 1)
        {
            return;
        }

        var critical = run.StderrLines.Single(l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.True(critical.Contains($"'{path}'", StringComparison.Ordinal), $"the error does not name the file {path}: {critical}");
        if (file.Keys.Count > 0 && IsJson(file.Bytes))
        {
            Assert.True(file.Keys.Any(k => critical.Contains(k, StringComparison.Ordinal)),
                $"the error names none of the keys {string.Join(", ", file.Keys)} that were changed: {critical}");
        }
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            _ = JsonNode.Parse(Utf8.GetString(bytes));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The property.

    private int AssertClearOutcome(CorruptFile file, TapRun run)
    {
        Assert.DoesNotContain(Secret, run.Stdout);
        Assert.DoesNotContain(Secret, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        var lines = run.StderrLines;
        var critical = lines.Where(l => l.StartsWith("CRITICAL", StringComparison.Ordinal)).ToArray();
        switch (run.ExitCode)
        {
            case 0:
                Assert.False(file.MustFail, $"exit 0 for a file that cannot be valid:\n{run.Stderr}");
                Assert.Empty(critical);
                break;
            case 1:
                var line = Assert.Single(critical);
                Assert.False(line.Contains("Unexpected error", StringComparison.Ordinal), $"the catch-all, not a clear message: {line}");
                Assert.True(line == lines[^1], $"the CRITICAL line is not the last one:\n{run.Stderr}");
                break;
            case 2:
                Assert.Contains(lines, l => l.StartsWith("usage:", StringComparison.Ordinal));
                break;
            default:
                Assert.Fail($"exit {run.ExitCode}:\n{run.Stderr}");
                break;
        }

        return run.ExitCode;
    }

    private async Task<TapRun> RunAsync(CorruptFile file, string kind, Func<string, string[]> args) =>
        (await RunWithPathAsync(file, kind, args)).Run;

    private async Task<(TapRun Run, string Path)> RunWithPathAsync(CorruptFile file, string kind, Func<string, string[]> args)
    {
        var path = _files.PathOf($"{kind}-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, file.Bytes);
        try
        {
            return (await TapProcess.RunAsync(args(path), timeout: TimeSpan.FromSeconds(30)), path);
        }
        finally
        {
            File.Delete(path);
        }
    }


    // Valid starting points.

    private static JsonObject BaseConfig(string baseUrl, string apiKey, params (string Key, JsonNode? Value)[] overrides)
    {
        var config = new JsonObject
        {
            ["api_key"] = apiKey,
            ["region"] = "us",
            ["base_url"] = baseUrl,
            ["start_date"] = "2024-01-01T00:00:00Z",
            ["max_requests_per_second"] = 50,
            ["request_timeout_seconds"] = 10,
            ["messages_lookback_days"] = 30,
            ["lookback_minutes"] = 60,
            ["customer_filter"] = new JsonObject { ["and"] = new JsonArray(new JsonObject { ["attribute"] = new JsonObject { ["field"] = "cio_id", ["operator"] = "exists" } }) },
            ["customer_attributes"] = new JsonArray("email", "plan"),
            ["activity_types"] = new JsonArray(),
            ["message_types"] = new JsonArray("email"),
            ["metrics_period"] = "days",
            ["metrics_steps"] = 7,
            ["metrics_resolution"] = "days",
            ["metrics_timezone"] = "UTC",
            ["metrics_days"] = 90,
            ["esp_domains"] = new JsonArray(),
        };
        foreach (var (key, value) in overrides)
        {
            config[key] = value;
        }

        return config;
    }

    /// <summary>Four streams of the sample catalog: one selected with a field left out, one deselected, one with no opinion, one selected.</summary>
    private static JsonObject BaseCatalog()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.File("catalog.sample.json")))!.AsObject();
        var keep = new Dictionary<string, bool?> { ["campaigns"] = true, ["customers"] = false, ["activities"] = null, ["workspaces"] = true };
        var streams = new JsonArray();
        foreach (var entry in sample["streams"]!.AsArray().Where(s => keep.ContainsKey((string)s!["tap_stream_id"]!)))
        {
            var stream = entry!.DeepClone().AsObject();
            var metadata = stream["metadata"]!.AsArray();
            if (keep[(string)stream["tap_stream_id"]!] is { } selected)
            {
                metadata.Single(m => m!["breadcrumb"]!.AsArray().Count == 0)!["metadata"]!["selected"] = selected;
            }

            if ((string)stream["tap_stream_id"]! == "campaigns")
            {
                metadata.Add(new JsonObject { ["breadcrumb"] = new JsonArray("properties", "name"), ["metadata"] = new JsonObject { ["selected"] = false } });
            }

            streams.Add(stream);
        }

        return new JsonObject { ["streams"] = streams };
    }

    /// <summary>The state forms the tap reads: the SDK's, singer-python's, Meltano's stored form and a whole STATE line.</summary>
    private static IEnumerable<JsonObject> BaseStates()
    {
        var incremental = StateStreams.Select(name => StreamRegistry.Find(name)!).ToArray();
        Assert.All(incremental, s => Assert.True(s.IsIncremental && s.ReplicationKey is not null, s.Name));
        JsonObject Sdk() => new()
        {
            ["bookmarks"] = new JsonObject(incremental.Select(s => KeyValuePair.Create(s.Name, (JsonNode?)new JsonObject
            {
                ["replication_key"] = s.ReplicationKey,
                ["replication_key_value"] = "2025-03-01T12:00:00Z",
            }))),
            ["currently_syncing"] = incremental[1].Name,
        };

        yield return Sdk();
        yield return new JsonObject
        {
            ["bookmarks"] = new JsonObject(incremental.Select(s => KeyValuePair.Create(s.Name, (JsonNode?)new JsonObject { [s.ReplicationKey!] = "2025-03-01T12:00:00+02:00" }))),
        };
        yield return new JsonObject { ["singer_state"] = Sdk() };
        yield return new JsonObject { ["type"] = "STATE", ["value"] = Sdk() };
    }

    // Generators.

    /// <summary>
    /// One generated file: how it was made (printed when the property fails), its bytes, and the keys on the path of
    /// the node a mutation changed (none for a change of the whole file).
    /// </summary>
    private sealed record CorruptFile(string How, byte[] Bytes, bool MustFail)
    {
        public IReadOnlyList<string> Keys { get; init; } = [];
    }

    private static string Print(CorruptFile file)
    {
        var text = Utf8.GetString(file.Bytes);
        var shown = text.Length <= 600 ? text : text[..600] + $"… ({file.Bytes.Length} bytes in all)";
        return $"{file.How}\n{string.Concat(shown.Select(c => char.IsControl(c) && c != '\n' ? $"\\u{(int)c:x4}" : c.ToString()))}";
    }

    /// <summary>A JSON path (object keys and array indexes) into a valid document, with its display form.</summary>
    private sealed record JsonPath(IReadOnlyList<object> Steps)
    {
        public IReadOnlyList<string> Keys => Steps.OfType<string>().ToArray();

        public override string ToString() =>
            string.Concat(Steps.Select(s => s is int i ? $"[{i}]" : $".{s}")).TrimStart('.') is { Length: > 0 } p ? p : "(top)";
    }

    /// <summary>Every node of the document, except inside a stream's JSON Schema (the tap reads its own schemas).</summary>
    private static IReadOnlyList<JsonPath> Paths(JsonObject document)
    {
        var paths = new List<JsonPath>();
        void Walk(JsonNode? node, List<object> steps)
        {
            if (steps.Count > 0)
            {
                paths.Add(new JsonPath(steps.ToArray()));
            }

            if (steps.Count > 0 && steps[^1] is "properties" && steps.Count > 1 && steps[^2] is "schema")
            {
                return;
            }

            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        Walk(child, [.. steps, key]);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], [.. steps, i]);
                    }

                    break;
            }
        }

        Walk(document, []);
        return paths;
    }

    /// <summary>The document with the node at <paramref name="path"/> replaced by raw JSON text (which may be invalid).</summary>
    private static string Replace(JsonObject document, JsonPath path, Func<JsonNode?, string> raw)
    {
        var copy = document.DeepClone().AsObject();
        JsonNode parent = copy;
        foreach (var step in path.Steps.SkipLast(1))
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        var last = path.Steps[^1];
        var original = last is int index ? parent[index] : parent[(string)last];
        var replacement = raw(original?.DeepClone());
        if (last is int at)
        {
            parent[at] = Hole;
        }
        else
        {
            parent[(string)last] = Hole;
        }

        return copy.ToJsonString().Replace($"\"{Hole}\"", replacement, StringComparison.Ordinal);
    }

    private static string Remove(JsonObject document, JsonPath path)
    {
        var copy = document.DeepClone().AsObject();
        JsonNode parent = copy;
        foreach (var step in path.Steps.SkipLast(1))
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        if (path.Steps[^1] is int index)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            parent.AsObject().Remove((string)path.Steps[^1]);
        }

        return copy.ToJsonString();
    }

    private static string Quote(string text) => JsonValue.Create(text).ToJsonString();

    /// <summary>Raw JSON text for one value: every JSON type, edge numbers, dates, huge strings, deep nesting, invalid literals.</summary>
    private static readonly Gen<string> AnyValue = Gen.Frequency(
        (4, Gen.OneOf(
            "null", "true", "false", "0", "-1", "1.5", "-0.0", "1e308", "1e999", "-1e999", "2147483648", "-9223372036854775809",
            "18446744073709551616", "5e-324", "\"\"", "\" \"", "[]", "{}", "[null]", "[1, \"a\", {}]", "{\"a\": null}", "\"\\u0000\"",
            "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"2024-01-01\"", "\"2024-13-45T99:99:99Z\"", "\"2024-01-01 00:00:00\"",
            "\"us\"", "\"eu\"", "\"true\"", "\"10\"", "\"NaN\"", "\"-5\"", "\"http://127.0.0.1:9\"", "\"https://\"", "\"campaigns\"",
            "\"STATE\"", "[\"properties\"]", "[\"properties\", \"id\", \"x\"]", "{\"selected\": \"yes\"}")),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")),
        (3, Gen.String[0, 40].Select(Quote)),
        (1, Gen.Int[50_000, 1_000_000].Select(n => "\"" + new string('x', n) + "\"")),
        (1, Gen.Int[2, 3_000].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.Int[2, 200].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))),
        (1, Gen.OneOf("NaN", "Infinity", "undefined", "'single'", "01", "+1", ".5", "tru", "\"unterminated", "0x10", "[1,]", "{\"a\" 1}")));

    /// <summary>Type-valid but extreme values, for settings that pass validation only to fail later in a sync.</summary>
    private static readonly Gen<string> EdgeValue = Gen.Frequency(
        (3, Gen.OneOf(
            "0", "1", "-1", "86400", "86401", "1000000", "2147483647", "2147483648", "0.5", "1e-3", "1e-9", "1e-12", "1e-300", "5e-324",
            "1e9", "1e308", "\"0001-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00-14:00\"", "\"9999-12-31T23:59:59Z\"",
            "\"9999-12-31T23:59:59+14:00\"", "\"1970-01-01T00:00:00Z\"", "\"2100-01-01T00:00:00Z\"", "\"Pacific/Kiritimati\"",
            "\"Etc/GMT+12\"", "[]", "[\"\"]", "[\"a b/c?d=e&f\"]", "{}",
            "{\"or\": []}", "\"hours\"", "\"months\"", "\"weeks\"")),
        (1, AnyValue));

    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[1, 400];

    /// <summary>One setting of a valid config replaced by a generated value (a wrong type, an edge value, or a valid one).</summary>
    private static Gen<CorruptFile> WrongTypeForASetting(JsonObject valid, Gen<string>? values = null, params string[] except) =>
        Gen.Select(
            Gen.OneOf(valid.Select(p => p.Key).Append("access_token").Append("unknown_key").Except(except).ToArray()),
            values ?? AnyValue,
            (key, value) => new CorruptFile($"'{key}' set to {Shorten(value)}",
                Utf8.GetBytes(Replace(valid, new JsonPath([key]), _ => value)), MustFail: false));

    private static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..40]}… ({text.Length} chars)";

    /// <summary>Every kind of corruption and hand edit, applied to one valid document.</summary>
    private static Gen<CorruptFile> Mutations(JsonObject valid, IReadOnlyList<JsonPath> paths)
    {
        var text = valid.ToJsonString();
        var pretty = valid.ToJsonString(new() { WriteIndented = true });
        var bytes = Utf8.GetBytes(text);
        byte[] Bom(byte[] b) => [0xEF, 0xBB, 0xBF, .. b];
        CorruptFile Invalid(string how, string content) => new(how, Utf8.GetBytes(content), MustFail: true);
        CorruptFile Maybe(string how, string content) => new(how, Utf8.GetBytes(content), MustFail: false);
        var path = Gen.Int[0, paths.Count - 1].Select(i => paths[i]);

        return Gen.Frequency(
            (1, Gen.OneOf(
                Invalid("empty file", ""),
                Invalid("whitespace only", " \n\t\r\n "),
                Maybe("the valid file", text),
                new CorruptFile("the valid file after a UTF-8 BOM", Bom(bytes), MustFail: false),
                Maybe("the valid file, indented with CRLF line ends", pretty.Replace("\n", "\r\n", StringComparison.Ordinal)),
                Invalid("a // comment before the object", "// edited by hand\n" + pretty),
                Invalid("a trailing comma", text[..^1] + ",}"),
                Invalid("single quotes", text.Replace('"', '\'')),
                Invalid("unquoted keys", Regex.Replace(text, "\"([A-Za-z_]+)\":", "$1:")),
                Invalid("text after the object", text + "\nx"),
                Invalid("two objects", text + text),
                Invalid("the object twice in an array", $"[{text},{text}]"),
                Maybe("null for every top-level key", new JsonObject(valid.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null))).ToJsonString()),
                Maybe("null for every leaf", Regex.Replace(text, "(:|\\[|,)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false)(?=[,}\\]])", "$1null")),
                Maybe("an empty object", "{}"),
                new CorruptFile("invalid UTF-8 inside a string", [.. Utf8.GetBytes(text[..^1] + ",\"x\":\""), 0xC3, 0x28, 0xFF, .. "\"}"u8], MustFail: false),
                new CorruptFile("a NUL byte before the object", [0x00, .. bytes], MustFail: true))),
            (2, Gen.Int[1, text.Length - 1].Select(n => Invalid($"truncated after {n} of {text.Length} characters", text[..n]))),
            (1, Gen.Int[1, text.Length - 1].Select(n => new CorruptFile($"UTF-8 BOM, truncated after {n} characters", Bom(Utf8.GetBytes(text[..n])), MustFail: true))),
            (2, RandomBytes.Select(b => new CorruptFile($"{b.Length} random bytes", b, MustFail: true))),
            // Any top-level value but an object is refused; an object of unknown keys may be valid (a state file of
            // none of the tap's keys is an empty state), so only the clear-outcome rules apply to it.
            (1, AnyValue.Select(v => v.StartsWith('{') ? Maybe($"top level is {Shorten(v)}", v) : Invalid($"top level is {Shorten(v)}", v))),
            (8, Gen.Select(path, AnyValue, (p, v) => Maybe($"{p} replaced by {Shorten(v)}", Replace(valid, p, _ => v)) with { Keys = p.Keys })),
            (2, path.Select(p => Maybe($"{p} removed", Remove(valid, p)) with { Keys = p.Keys })),
            (1, Gen.Select(path.Where(p => p.Steps[^1] is string), AnyValue,
                (p, v) => Maybe($"{p} duplicated with {Shorten(v)}", Replace(valid, p, o => $"{o?.ToJsonString() ?? "null"}, {Quote((string)p.Steps[^1])}: {v}")) with { Keys = p.Keys })),
            (1, Gen.Int[2, 3_000].Select(depth => Invalid($"the object nested {depth} arrays deep", new string('[', depth) + text + new string(']', depth)))),
            (1, Gen.Int[100_000, 1_000_000].Select(n => Maybe($"an extra key {n} characters long", text[..^1] + $",\"{new string('k', n)}\": 1}}"))));
    }
}
