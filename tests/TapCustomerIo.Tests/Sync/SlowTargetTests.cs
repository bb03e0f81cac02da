using System.Diagnostics;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>A Singer target stops reading stdin while it loads a batch: the tap must wait without spending requests.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SlowTargetTests
{
    [Fact]
    public async Task A_target_that_stops_reading_for_a_while_makes_no_request_time_out()
    {
        // Latency keeps requests in flight at every moment; a timeout shorter than the pause turns any response left
        // unread during it into a retry. Socket reads are continued on the socket engine's thread: if the page that
        // filled the pipe were written from there, every other response would wait for the target.
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0,
            Latency = TimeSpan.FromMilliseconds(100),
            Scale = FakeScale.Small with { People = 3_000 },
        });
        var config = harness.Config(new JsonObject { ["request_timeout_seconds"] = 1 });
        var catalog = harness.Catalog("customers", "messages", "campaigns", "campaign_actions", "segment_membership");

        using var process = Process.Start(TapProcess.StartInfo(["--config", config, "--catalog", catalog]))!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(4)); // the target is busy: stdout fills and the tap's writes block
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var log = await stderr;
        Assert.True(process.ExitCode == 0, log);
        Assert.DoesNotContain("Retrying", log, StringComparison.Ordinal);
        Assert.True(stdout.Length > 1_000_000, $"only {stdout.Length} bytes: the pipe never filled, the test proves nothing");
        Assert.Equal(3_000, SingerTranscript.Parse(stdout).Records("customers").Count());
    }
}
