using System.Diagnostics;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>
/// ACTIVATE_VERSION on full-table streams: per stream, the messages read A R… A on a first load (A = ACTIVATE_VERSION,
/// R = RECORD), R… A on every later run, and never a closing A on an interrupted one; every record carries the run's version.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ActivateVersionTests
{
    /// <summary>A root, a child read once per parent, an incremental stream forced to FULL_TABLE, and an incremental one.</summary>
    private static readonly string[] FullTable = ["workspaces", "newsletter_variants", "campaigns"];

    [Fact]
    public async Task A_first_run_activates_at_both_ends_and_a_later_run_only_at_the_end_with_a_newer_version()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var config = harness.Config();
        var catalog = CatalogForcingFullTable(harness, "campaigns", [.. FullTable, "newsletters", "newsletter_metrics"]);

        var first = await harness.SyncAsync(config, catalog);
        var second = await harness.SyncAsync(config, catalog, harness.State(first.LastState!));

        foreach (var stream in FullTable)
        {
            Assert.Matches("^AR+A$", Sequence(first, stream));
            Assert.Matches("^R+A$", Sequence(second, stream));
            var v1 = Assert.Single(first.ActivatedVersions(stream).Distinct());
            var v2 = Assert.Single(second.ActivatedVersions(stream));
            Assert.True(v2 > v1, $"{stream}: version {v2} after {v1}");
            Assert.All(RecordVersions(first, stream), v => Assert.Equal(v1, v));
            Assert.All(RecordVersions(second, stream), v => Assert.Equal(v2, v));
            Assert.Equal(v2, (long?)second.LastState!["bookmarks"]![stream]!["version"]);
        }

        // One version per child stream, however many parents it was read for; the forced stream keeps its bookmark too.
        Assert.True(first.Records("newsletter_variants").Select(r => r["newsletter_id"]!.ToJsonString()).Distinct().Count() > 1);
        Assert.NotNull(second.LastState!["bookmarks"]!["campaigns"]!["replication_key_value"]);
        Assert.Equal(first.Records("campaigns").Count(), second.Records("campaigns").Count());

        // An incremental stream has no version, nor has a full-table metric series that is a moving window of periods.
        foreach (var stream in new[] { "newsletters", "newsletter_metrics" })
        {
            Assert.True(first.Records(stream).Any(), stream);
            Assert.Empty(first.ActivatedVersions(stream));
            Assert.All(VersionNodes(first, stream), Assert.Null);
            Assert.Null(first.LastState!["bookmarks"]![stream]?["version"]);
        }
    }

    [Fact]
    public async Task An_interrupted_run_never_activates_its_version_and_the_next_run_does_not_empty_the_table_first()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Latency = TimeSpan.FromMilliseconds(20) });
        var config = harness.Config(new JsonObject { ["max_requests_per_second"] = 5 }); // customers: 28 calls, over 5 seconds
        var catalog = harness.Catalog("customers");

        using var process = Process.Start(TapProcess.StartInfo(["--config", config, "--catalog", catalog]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            output.Append(line).Append('\n');
            if (line.StartsWith("{\"type\":\"RECORD\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        output.Append(await process.StandardOutput.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 143, await stderr);

        var interrupted = SingerTranscript.Parse(output.ToString());
        Assert.Matches("^AR+$", Sequence(interrupted, "customers"));
        Assert.True(interrupted.Records("customers").Count() < harness.Server.Data.People.Count, "the run was not interrupted");
        var started = Assert.Single(interrupted.ActivatedVersions("customers"));
        Assert.Equal(started, (long?)interrupted.LastState!["bookmarks"]!["customers"]!["version"]);

        var resumed = await harness.SyncAsync(harness.Config(), catalog, harness.State(interrupted.LastState!));
        Assert.Matches("^R+A$", Sequence(resumed, "customers"));
        Assert.True(Assert.Single(resumed.ActivatedVersions("customers")) > started);
        Assert.Equal(harness.Server.Data.People.Count, resumed.Records("customers").Count());
    }

    [Fact]
    public async Task With_activate_version_off_no_record_has_a_version_and_no_table_is_activated()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var catalog = CatalogForcingFullTable(harness, "campaigns", [.. FullTable, "newsletters"]);

        var run = await harness.SyncAsync(harness.Config(new JsonObject { ["activate_version"] = false }), catalog);

        Assert.DoesNotContain(run.Messages, m => (string?)m["type"] == "ACTIVATE_VERSION");
        Assert.All(run.Messages.Where(m => (string?)m["type"] == "RECORD"), m => Assert.False(m.ContainsKey("version")));
        Assert.All(run.LastState!["bookmarks"]!.AsObject(), b => Assert.Null(b.Value?["version"]));
        Assert.True(run.Records("workspaces").Any() && run.Records("newsletter_variants").Any());
    }

    /// <summary>The stream's ACTIVATE_VERSION (A) and RECORD (R) messages in order.</summary>
    private static string Sequence(SingerTranscript transcript, string stream) =>
        string.Concat(transcript.Messages.Where(m => (string?)m["stream"] == stream).Select(m => (string?)m["type"] switch
        {
            "ACTIVATE_VERSION" => "A",
            "RECORD" => "R",
            _ => "",
        }));

    private static IEnumerable<JsonNode?> VersionNodes(SingerTranscript transcript, string stream) =>
        transcript.Messages.Where(m => (string?)m["type"] == "RECORD" && (string?)m["stream"] == stream).Select(m => m["version"]);

    private static IEnumerable<long> RecordVersions(SingerTranscript transcript, string stream) =>
        VersionNodes(transcript, stream).Select(v => (long)v!);

    /// <summary>A catalog selecting <paramref name="streams"/>, with <paramref name="forced"/> set to FULL_TABLE the way Meltano's metadata does.</summary>
    private static string CatalogForcingFullTable(SyncHarness harness, string forced, string[] streams)
    {
        var catalog = JsonNode.Parse(SyncHarness.SelectStreams(streams))!.AsObject();
        var entry = catalog["streams"]!.AsArray().Single(s => (string?)s!["stream"] == forced)!;
        entry["metadata"]!.AsArray().Single(m => m!["breadcrumb"]!.AsArray().Count == 0)!["metadata"]!["replication-method"] = "FULL_TABLE";
        return harness.Files.Write("catalog-forced.json", catalog.ToJsonString());
    }
}
