using System.Diagnostics;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>Successive STATE lines never move a stream's bookmark backwards, however many root streams run at once.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StateOrderTests
{
    /// <summary>Root streams that each print a STATE after every page, next to <c>messages</c>, whose bookmark moves
    /// with every one of its ~100 windows: a STATE snapshot taken by one root and written after a newer one of another
    /// would step <c>messages</c> back.</summary>
    private static readonly string[] Roots = ["messages", "activities", "customers", "esp_suppressions", "objects", "segments", "segment_membership", "sender_identities"];

    [Fact]
    public async Task Bookmarks_in_successive_state_lines_never_move_backwards()
    {
        var scale = FakeScale.Small with
        {
            Deliveries = 30_000, DeliveryHistoryDays = 3_000, Activities = 20_000, People = 5_000, SuppressionsPerType = 5_000,
            ObjectsPerType = 3_000,
        };
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { Scale = scale, RateLimitPerSecond = 0 });
        var config = harness.Config(new JsonObject
        {
            ["start_date"] = TapCustomerIo.Singer.Rfc3339.Format(harness.Server.Data.Anchor.AddDays(-3_100)),
        });
        var catalog = harness.Catalog(Roots);

        for (var run = 0; run < 3; run++)
        {
            var states = await StatesAsync(config, catalog);
            Assert.True(states.Count > 100, $"only {states.Count} STATE lines");
            var last = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < states.Count; i++)
            {
                foreach (var (stream, bookmark) in states[i]["bookmarks"]!.AsObject())
                {
                    var value = (string)bookmark!["replication_key_value"]!;
                    Assert.True(!last.TryGetValue(stream, out var before) || string.CompareOrdinal(value, before) >= 0,
                        $"run {run + 1}, STATE {i + 1} of {states.Count}: {stream} moved back from {before} to {value}");
                    last[stream] = value;
                }
            }
        }
    }

    /// <summary>Runs the tap and reads its stdout a little slowly, as a busy target does, so that writers queue for the pipe.</summary>
    private static async Task<List<JsonObject>> StatesAsync(string config, string catalog)
    {
        using var process = Process.Start(TapProcess.StartInfo(["--config", config, "--catalog", catalog]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var states = new List<JsonObject>();
        var lines = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("{\"type\":\"STATE\"", StringComparison.Ordinal))
            {
                states.Add(JsonNode.Parse(line)!["value"]!.AsObject());
            }

            if (++lines % 500 == 0)
            {
                await Task.Delay(1);
            }
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"tap exited {process.ExitCode}:\n{await stderr}");
        return states;
    }
}
