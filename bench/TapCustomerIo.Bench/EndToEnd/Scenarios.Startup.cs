using System.Diagnostics;

namespace TapCustomerIo.Bench.EndToEnd;

internal sealed partial class Scenarios
{
    private const int StartupRuns = 10;

    /// <summary>
    /// <c>--about</c> and <c>--discover</c> (no API call) of the native binary and of the JIT build: wall time from
    /// <see cref="Process.Start()"/> to exit, stdout drained, one untimed warm-up run first (page cache).
    /// </summary>
    public async Task<IReadOnlyList<Figure>> StartupAsync()
    {
        using var files = new TapFiles();
        var config = files.Config(new Uri("http://127.0.0.1:9"));
        var figures = new List<Figure>();
        foreach (var (label, binary, goal) in new[] { ("AOT", BenchPaths.Aot, Goal.Below), ("JIT", BenchPaths.Jit, Goal.None) })
        {
            if (!File.Exists(binary))
            {
                log.WriteLine($"  {label}: {binary} not found, skipped");
                continue;
            }

            foreach (var (name, args) in new[] { ("--about", new[] { "--about" }), ("--discover", new[] { "--config", config, "--discover" }) })
            {
                await TimeOnceAsync(binary, args);
                var times = new List<double>();
                for (var i = 0; i < StartupRuns; i++)
                {
                    times.Add((await TimeOnceAsync(binary, args)).TotalMilliseconds);
                }

                log.WriteLine($"  {label} {name}: {string.Join(", ", times.Select(t => t.ToString("F1", Stats.Invariant)))} ms");
                figures.Add(new Figure("5 start-up (median of 10)", $"{label} {name}", "ms", times, goal, 50));
            }
        }

        return figures;
    }

    private static async Task<TimeSpan> TimeOnceAsync(string binary, string[] args)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        await stdout;
        return process.ExitCode == 0
            ? elapsed
            : throw new InvalidOperationException($"{binary} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
    }
}
