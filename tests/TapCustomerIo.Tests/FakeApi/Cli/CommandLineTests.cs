using System.Diagnostics;
using FakeCustomerIo;
using FakeCustomerIo.Cli;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Cli;

[Collection(TimingSensitiveCollection.Name)]
public sealed class CommandLineTests
{
    [Fact]
    public void Options_are_parsed_and_bad_ones_rejected()
    {
        var options = CommandLine.Parse(["--people", "10", "--scale", "bench", "--port", "0", "--seed", "7", "--rate", "3",
            "--latency-ms", "20", "--fault-rate", "0.25", "--api-key", "k", "--deliveries", "99"], TextWriter.Null)!;
        Assert.Equal((7, 3, "k", 0.25), (options.Seed, options.RateLimitPerSecond, options.ApiKey, options.Faults.Rate));
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.Latency);
        Assert.Equal((10, 99L, FakeScale.Bench.Campaigns), (options.Scale.People, options.Scale.Deliveries, options.Scale.Campaigns));
        Assert.Null(CommandLine.Parse(["--scale", "huge"], TextWriter.Null));
        Assert.Null(CommandLine.Parse(["--fault-rate", "2"], TextWriter.Null));
        Assert.Null(CommandLine.Parse(["--port"], TextWriter.Null));
        Assert.Null(CommandLine.Parse(["--what", "1"], TextWriter.Null));
    }

    [Fact]
    public async Task The_process_prints_one_line_serves_and_stops_when_stdin_closes()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "fake-customerio.exe" : "fake-customerio");
        using var process = Process.Start(new ProcessStartInfo(exe, "--port 0 --rate 0 --seed 3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", line);
        using var http = new HttpClient { BaseAddress = new Uri(line!["listening on ".Length..]) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "test-key");
        Assert.Contains("workspaces", await http.GetStringAsync("/v1/workspaces"), StringComparison.Ordinal);

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }
}
