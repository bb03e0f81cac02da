using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Config;

/// <summary>Bad config, through the real executable: one CRITICAL line naming the key, exit 1, nothing on stdout, no secret.</summary>
public sealed class ConfigValidationTests : IDisposable
{
    private const string Secret = "sk-VERY-SECRET-123";
    private readonly TempFiles _files = new();

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { "missing api_key", """{"region": "us"}""", "'api_key' is missing" },
        { "empty api_key", """{"api_key": "  "}""", "'api_key' is missing" },
        { "unknown region", $$"""{"api_key": "{{Secret}}", "region": "mars"}""", "'region' must be 'us' or 'eu'" },
        { "date without offset", $$"""{"api_key": "{{Secret}}", "start_date": "2024-01-01"}""", "'start_date' must be an RFC 3339 date-time" },
        { "plain http to a remote host", $$"""{"api_key": "{{Secret}}", "base_url": "http://api.example.com"}""", "'base_url' must use https" },
        { "negative rate", $$"""{"api_key": "{{Secret}}", "max_requests_per_second": -3}""", "'max_requests_per_second' must be between 0.01 and 1000" },
        { "rate as text", $$"""{"api_key": "{{Secret}}", "max_requests_per_second": "fast"}""", "'max_requests_per_second' must be a number" },
        { "filter not an object", $$"""{"api_key": "{{Secret}}", "customer_filter": [1]}""", "'customer_filter' must be a JSON object" },
        { "unknown time zone", $$"""{"api_key": "{{Secret}}", "metrics_timezone": "Mars/Olympus"}""", "'metrics_timezone' must be an IANA time zone" },
        { "switch neither true nor false", $$"""{"api_key": "{{Secret}}", "activate_version": "maybe"}""", "'activate_version' must be true or false" },
        { "window longer than every source allows", $$"""{"api_key": "{{Secret}}", "messages_window_days": 365}""", "'messages_window_days' must be between 1 and 180" },
        { "deleted flag neither true nor false", $$"""{"api_key": "{{Secret}}", "activity_deleted": "sometimes"}""", "'activity_deleted' must be true or false" },
        { "api key of the wrong type", """{"api_key": 12345}""", "'api_key' must be a string" },
        { "invalid JSON", $$"""{"api_key": "{{Secret}}", """, "is not valid JSON at line 1" },
        { "not an object", "[\"" + Secret + "\"]", "must hold a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task Bad_config_ends_in_one_clear_line(string because, string json, string expected)
    {
        var path = _files.Write("config.json", json);
        foreach (var mode in new[] { new[] { "--discover" }, Array.Empty<string>() })
        {
            var run = await TapProcess.RunAsync(["--config", path, .. mode]);

            Assert.True(run.ExitCode == 1, because);
            Assert.Equal("", run.Stdout);
            var line = Assert.Single(run.StderrLines);
            Assert.StartsWith("CRITICAL ", line);
            Assert.Contains(expected, line);
            Assert.DoesNotContain(Secret, run.Stderr);
            Assert.DoesNotContain("   at ", run.Stderr); // no stack trace
        }
    }

    [Fact]
    public async Task Missing_config_file_names_the_path_and_the_flag()
    {
        var run = await TapProcess.RunAsync(["--config", _files.PathOf("nope.json"), "--discover"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains("nope.json' was not found. Pass --config", line);
    }

    [Fact]
    public async Task Environment_fills_keys_the_file_lacks_but_the_file_wins()
    {
        var path = _files.Write("config.json", """{"region": "eu"}""");
        var env = new Dictionary<string, string> { ["TAP_CUSTOMERIO_API_KEY"] = Secret, ["TAP_CUSTOMERIO_REGION"] = "mars" };

        var run = await TapProcess.RunAsync(["--config", path, "--discover"], env);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"streams\"", run.Stdout);
    }

    [Fact]
    public async Task Environment_values_are_validated_like_file_values()
    {
        var path = _files.Write("config.json", $$"""{"api_key": "{{Secret}}"}""");
        var env = new Dictionary<string, string> { ["TAP_CUSTOMERIO_LOOKBACK_MINUTES"] = "-5" };

        var run = await TapProcess.RunAsync(["--config", path, "--discover"], env);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'lookback_minutes' must be between 0 and 525600", Assert.Single(run.StderrLines));
    }

    public void Dispose() => _files.Dispose();
}
