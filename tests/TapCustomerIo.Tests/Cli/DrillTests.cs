using System.Diagnostics;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Cli;

/// <summary>Failure drills: the tap is stopped, or its target dies, in the middle of a sync.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DrillTests
{
    [Fact]
    public async Task Sigterm_stops_cleanly_after_a_final_state_that_resumes_without_loss()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Latency = TimeSpan.FromMilliseconds(20) });
        var config = harness.Config(new JsonObject { ["lookback_minutes"] = 0, ["messages_lookback_days"] = 0, ["max_requests_per_second"] = 20 });
        var catalog = harness.Catalog("messages", "campaigns", "campaign_actions", "activities");
        var clean = await harness.SyncAsync(config, catalog);

        using var process = Process.Start(TapProcess.StartInfo(["--config", config, "--catalog", catalog]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        // Once the first SCHEMA line is out the tap is running (its signal handler is set), however slow the machine was to start it.
        var first = await process.StandardOutput.ReadLineAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(1000);
        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(143, process.ExitCode);
        Assert.Contains("CRITICAL Interrupted by SIGTERM", await stderr);
        var interrupted = SingerTranscript.Parse(first + "\n" + await stdout); // ends with a STATE, every line whole
        var resumed = await harness.SyncAsync(config, catalog, harness.State(interrupted.LastState!));
        foreach (var stream in new[] { "messages", "campaigns", "campaign_actions", "activities" })
        {
            var seen = interrupted.Keys(stream).Concat(resumed.Keys(stream)).ToHashSet();
            Assert.All(clean.Keys(stream), key => Assert.Contains(key, seen));
        }
    }

    [Fact]
    public async Task A_target_that_dies_stops_the_tap_at_once_with_a_clear_message()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Latency = TimeSpan.FromMilliseconds(20) });
        var started = Stopwatch.StartNew();

        using var process = Process.Start(TapProcess.StartInfo(["--config", harness.Config()]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close(); // the target exits: the read end of the pipe is gone
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var critical = Assert.Single((await stderr).Split('\n'), l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.Contains("stdout was closed", critical);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }
}
