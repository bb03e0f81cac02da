using System.Diagnostics;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>A run killed at any moment resumes from its last STATE without losing a record.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ResumeTests
{
    private static readonly string[] Streams = ["activities", "campaigns", "campaign_actions", "customers", "messages", "segment_membership", "segments"];

    [Fact]
    public async Task Killed_at_random_points_and_resumed_loses_nothing()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Latency = TimeSpan.FromMilliseconds(5) });
        var config = harness.Config(new JsonObject { ["lookback_minutes"] = 0, ["messages_lookback_days"] = 0 });
        var catalog = harness.Catalog(Streams);
        var clean = await harness.SyncAsync(config, catalog);
        var total = clean.Messages.Count;
        var random = new Random(20261123);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var killAfter = random.Next(10, total - 10);
            var (lines, state) = await RunAndKillAsync(config, catalog, killAfter);
            var resumed = await harness.SyncAsync(config, catalog, state is null ? null : harness.State(state));

            foreach (var stream in Streams)
            {
                var seen = Keys(lines, stream).Concat(resumed.Keys(stream)).ToHashSet();
                var missing = clean.Keys(stream).Where(k => !seen.Contains(k)).ToArray();
                Assert.True(missing.Length == 0, $"killed after {killAfter} lines: {stream} lost {missing.Length} records, e.g. {missing.FirstOrDefault()}");
            }
        }
    }

    /// <summary>Starts the tap, kills it (SIGKILL) once it has printed <paramref name="killAfter"/> lines, and returns the
    /// complete lines it printed and the last STATE among them.</summary>
    private static async Task<(List<JsonObject> Lines, JsonObject? State)> RunAndKillAsync(string config, string catalog, int killAfter)
    {
        using var process = Process.Start(TapProcess.StartInfo(["--config", config, "--catalog", catalog]))!;
        _ = process.StandardError.ReadToEndAsync();
        var lines = new List<JsonObject>();
        while (lines.Count < killAfter && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(JsonNode.Parse(line)!.AsObject());
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        var state = lines.LastOrDefault(l => (string?)l["type"] == "STATE")?["value"]?.AsObject();
        return (lines, state);
    }

    private static IEnumerable<string> Keys(List<JsonObject> lines, string stream)
    {
        var schema = lines.LastOrDefault(l => (string?)l["type"] == "SCHEMA" && (string?)l["stream"] == stream);
        if (schema is null)
        {
            return [];
        }

        var keys = schema["key_properties"]!.AsArray().Select(k => (string)k!).ToArray();
        return lines.Where(l => (string?)l["type"] == "RECORD" && (string?)l["stream"] == stream)
            .Select(l => string.Join("|", keys.Select(k => l["record"]![k]!.ToJsonString())));
    }
}
