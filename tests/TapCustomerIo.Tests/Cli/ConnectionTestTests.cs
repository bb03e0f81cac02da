using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Cli;

/// <summary><c>--test</c>: a keyed call first, then at most one record of each selected stream, a few calls, exit 0.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConnectionTestTests
{
    [Fact]
    public async Task Test_writes_at_most_one_record_a_stream_with_few_calls_and_moves_no_bookmark()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var selected = StreamRegistry.All.Where(s => s.SelectedByDefault).Select(s => s.Name).ToArray();
        var state = harness.State(new JsonObject { ["bookmarks"] = new JsonObject() });

        var run = await TapProcess.RunAsync(["--config", harness.Config(), "--state", state, "--test", "--log-level", "debug"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var transcript = SingerTranscript.Parse(run.Stdout);
        Assert.All(transcript.RecordCounts, c => Assert.True(c.Value == 1, $"{c.Key}: {c.Value} records"));
        Assert.True(transcript.RecordCounts.Count > selected.Length / 2, $"only {transcript.RecordCounts.Count} of {selected.Length} streams wrote a record");
        Assert.Equal(selected.Order(), transcript.Schemas.Select(s => (string)s["stream"]!).Order());

        // The first call needs the key; then about one call a stream (people: one search and one profile call).
        var first = run.StderrLines.First(l => l.StartsWith("DEBUG GET ", StringComparison.Ordinal) || l.StartsWith("DEBUG POST ", StringComparison.Ordinal));
        Assert.Equal("DEBUG GET /v1/workspaces", first);
        Assert.True(harness.Server.Stats.TotalRequests <= 2 * selected.Length, $"{harness.Server.Stats.TotalRequests} calls for {selected.Length} streams");

        // A sample, not a sync: no bookmark, no table version, nothing activated.
        Assert.All(transcript.States, s => Assert.Empty(s["bookmarks"]!.AsObject()));
        Assert.DoesNotContain(transcript.Messages, m => (string?)m["type"] == "ACTIVATE_VERSION" || m.ContainsKey("version"));
        Assert.Contains("Connection test passed", run.Stderr);
    }

    [Theory]
    [InlineData("info_ip_addresses")] // answers without a key on the real API: the test must not start there
    [InlineData("campaigns")]
    public async Task A_refused_key_fails_at_the_first_call_with_one_clear_line(string stream)
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var config = harness.Config(new JsonObject { ["api_key"] = "not-the-key" });

        var run = await TapProcess.RunAsync(["--config", config, "--catalog", harness.Catalog(stream), "--test"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.StderrLines, l => !l.StartsWith("INFO", StringComparison.Ordinal));
        Assert.StartsWith("CRITICAL Customer.io rejected the API key (401", line);
        Assert.Contains("'region'", line);
        Assert.DoesNotContain("not-the-key", run.Stderr);
        Assert.Equal(1, harness.Server.Stats.TotalRequests);
        Assert.Equal(1, harness.Server.Stats.Count("GET /v1/workspaces"));
    }
}
