using System.Text.Json.Nodes;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--bogus")]
    [InlineData("--discover")]
    [InlineData("--state", "state.json")]
    [InlineData("--about", "--format", "yaml")]
    public async Task Usage_mistakes_exit_2_with_a_usage_line(params string[] args)
    {
        var run = await TapProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(run.StderrLines, l => l.StartsWith("usage: tap-customerio --config FILE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var run = await TapProcess.RunAsync(["--version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", run.Stdout);
    }

    [Fact]
    public async Task Help_lists_every_flag()
    {
        var run = await TapProcess.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var flag in new[] { "--config", "--discover", "--catalog", "--properties", "--state", "--test", "--about", "--format", "--version" })
        {
            Assert.Contains(flag, run.Stdout);
        }
    }

    [Fact]
    public async Task About_json_describes_capabilities_and_every_setting()
    {
        var run = await TapProcess.RunAsync(["--about", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        var about = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("tap-customerio", (string?)about["name"]);
        Assert.Equal(["catalog", "discover", "state", "about", "test", "activate-version"], about["capabilities"]!.AsArray().Select(c => (string?)c));
        var settings = about["settings"]!["properties"]!.AsObject();
        foreach (var name in new[] { "api_key", "region", "base_url", "start_date", "max_requests_per_second", "request_timeout_seconds",
                     "messages_lookback_days", "lookback_minutes", "customer_filter", "customer_attributes", "activity_types", "message_types",
                     "metrics_period", "metrics_steps", "metrics_resolution", "metrics_timezone", "metrics_days", "esp_domains", "activate_version" })
        {
            Assert.True(settings.ContainsKey(name), name);
            Assert.False(string.IsNullOrWhiteSpace((string?)settings[name]!["description"]), name);
        }

        Assert.True((bool?)settings["api_key"]!["secret"]);
        Assert.Equal("10", settings["max_requests_per_second"]!["default"]!.ToJsonString());
        Assert.Equal(["api_key"], about["settings"]!["required"]!.AsArray().Select(c => (string?)c));
    }

    [Theory]
    [InlineData("text", "Capabilities:")]
    [InlineData("markdown", "| `api_key` (string, secret) | yes |")]
    public async Task About_text_and_markdown_list_settings(string format, string expected)
    {
        var run = await TapProcess.RunAsync(["--about", "--format", format]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Stdout);
        Assert.Contains("TAP_CUSTOMERIO_", run.Stdout);
    }
}
