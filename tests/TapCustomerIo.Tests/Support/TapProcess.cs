using System.Diagnostics;
using System.Text;

namespace TapCustomerIo.Tests.Support;

/// <summary>The result of one run of the built tap-customerio executable.</summary>
internal sealed record TapRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the real executable (the apphost the build copies next to the tests) as a child process.</summary>
internal static class TapProcess
{
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, "tap-customerio");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The developer's own TAP_CUSTOMERIO_* variables must not leak into a test.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TAP_CUSTOMERIO_", StringComparison.Ordinal)).ToArray())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static async Task<TapRun> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tap-customerio {string.Join(' ', args)} did not finish in time; stderr so far:\n{await stderr}");
        }

        return new TapRun(process.ExitCode, await stdout, await stderr);
    }
}
