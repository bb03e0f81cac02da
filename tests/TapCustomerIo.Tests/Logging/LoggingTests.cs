using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Logging;

[Collection(EndToEndCollection.Name)]
public sealed class LoggingTests
{
    [Fact]
    public async Task Levels_and_json_lines_are_chosen_by_flag_or_environment_and_always_go_to_stderr()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var config = harness.Config();
        var catalog = harness.Catalog("campaigns");

        var debug = await TapProcess.RunAsync(["--config", config, "--catalog", catalog, "--log-level", "debug"]);
        var quiet = await TapProcess.RunAsync(["--config", config, "--catalog", catalog],
            new Dictionary<string, string> { ["TAP_CUSTOMERIO_LOG_LEVEL"] = "warning" });
        var json = await TapProcess.RunAsync(["--config", config, "--catalog", catalog, "--log-format", "json"]);

        Assert.Contains(debug.StderrLines, l => l == "DEBUG GET /v1/campaigns");
        Assert.DoesNotContain(quiet.StderrLines, l => l.StartsWith("INFO", StringComparison.Ordinal));
        Assert.All(json.StderrLines, l => Assert.NotNull(JsonNode.Parse(l)!["@t"]));
        foreach (var run in new[] { debug, quiet, json })
        {
            Assert.Equal(0, run.ExitCode);
            SingerTranscript.Parse(run.Stdout); // stdout stays pure whatever the log settings
        }
    }

    [Fact]
    public void The_tap_never_turns_certificate_validation_off()
    {
        var sources = Directory.GetFiles(RepoPaths.File("tap-customerio"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("ServerCertificateCustomValidationCallback", text);
            Assert.DoesNotContain("DangerousAcceptAnyServerCertificateValidator", text);
            Assert.DoesNotContain("RemoteCertificateValidationCallback", text);
        }
    }
}
