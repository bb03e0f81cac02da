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
    /// <summary>
    /// The tap's own build output (same configuration as the tests), not the copy next to the tests: the test folder
    /// leaves out assemblies that the ASP.NET framework of the fake API provides, which the tap does not load.
    /// </summary>
    public static string Executable { get; } = Locate();

    private static string Locate()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testDir.Name;
        var configuration = testDir.Parent!.Name;
        var path = RepoPaths.File("tap-customerio", "bin", configuration, framework, "tap-customerio");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the tap first", path);
    }

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
