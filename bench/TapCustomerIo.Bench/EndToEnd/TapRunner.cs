using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>What one run of the tap process did.</summary>
/// <param name="CpuSeconds">User + system CPU time of the tap process (GNU time's figures); NaN without GNU time.</param>
internal sealed record TapRun(int ExitCode, TimeSpan Wall, double PeakRssMb, RecordCounter Output, string Stderr, double CpuSeconds = double.NaN)
{
    /// <summary>The exit code and the last 15 lines of stderr: what a failed run is reported with.</summary>
    public string Failure => $"exited {ExitCode}:\n{string.Join('\n', Stderr.Split('\n').TakeLast(15))}";
}

/// <summary>
/// Runs a tap binary as a child process under GNU time (<c>/usr/bin/time -v</c>, whose "Maximum resident set size" is
/// the kernel's peak RSS of the child) and drains its stdout through a <see cref="RecordCounter"/>, so nothing is kept
/// and the pipe never throttles the tap. Without GNU time, VmHWM is sampled from /proc instead.
/// </summary>
internal static partial class TapRunner
{
    private const string GnuTime = "/usr/bin/time";

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();

    [GeneratedRegex(@"(?:User|System) time \(seconds\): ([\d.]+)")]
    private static partial Regex CpuTime();

    [GeneratedRegex(@"VmHWM:\s+(\d+) kB")]
    private static partial Regex VmHwm();

    public static async Task<TapRun> RunAsync(string binary, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var useTime = File.Exists(GnuTime);
        var timeFile = Path.Combine(Path.GetTempPath(), $"tap-bench-time-{Guid.NewGuid():N}.txt");
        var info = new ProcessStartInfo(useTime ? GnuTime : binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        if (useTime)
        {
            foreach (var a in (string[])["-v", "-o", timeFile, binary])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TAP_CUSTOMERIO_", StringComparison.Ordinal)).ToArray())
        {
            info.Environment.Remove(name);
        }

        var counter = new RecordCounter();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var drain = counter.DrainAsync(process.StandardOutput.BaseStream);
        var stderr = process.StandardError.ReadToEndAsync();
        var sampled = useTime ? Task.FromResult(0L) : SampleHighWaterAsync(process);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{binary} did not finish in time");
        }

        var wall = clock.Elapsed;
        await drain;
        var (peakKb, cpu) = useTime ? ReadTimeFile(timeFile) : (await sampled, double.NaN);
        return new TapRun(process.ExitCode, wall, peakKb / 1024.0, counter, await stderr, cpu);
    }

    private static (long PeakKb, double CpuSeconds) ReadTimeFile(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var match = MaxRss().Match(text);
            var cpu = CpuTime().Matches(text).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            return (match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0, cpu);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>VmHWM never decreases, so the last reading before the process ends is its peak (to within 5 ms).</summary>
    private static async Task<long> SampleHighWaterAsync(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                var match = VmHwm().Match(await File.ReadAllTextAsync(status));
                if (match.Success)
                {
                    peak = Math.Max(peak, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                break;
            }

            await Task.Delay(5);
        }

        return peak;
    }
}
