using System.Globalization;
using System.Text;
using FakeCustomerIo;
using Microsoft.AspNetCore.Http;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>
/// <c>floor [--runs N]</c>: what the bare transport of issue 12's mix costs. The tap syncs the mix (<see cref="CpuMode"/>)
/// once against a fake that logs every /v1 exchange; its requests are written to a file, and bench/Floor's
/// <c>tap-floor</c> replays them against a second fake serving the same data (same pinned anchor), reading each body
/// and writing it to stdout (<c>copy</c>), or also reading every JSON token (<c>check</c>), or also checking it with the
/// tap's own scanner and index (<c>scan</c>: the least the tap does with a body before it writes a record). Per run and
/// build (native AOT, JIT ReadyToRun) it measures the tap and the floors with <see cref="TapRunner"/>; the floors' "records per
/// CPU-second" divide the tap's records by the floor's CPU: what the tap would reach if it cost only the floor.
/// </summary>
internal static class FloorMode
{
    /// <summary>Well above the tap's requests on the mix; the capture fails if the log drops any.</summary>
    private const int LogCapacity = 20_000;

    private const string AotBuild = "native AOT";
    private const string JitBuild = "JIT (ReadyToRun)";

    /// <summary>One binary to measure; <paramref name="Mode"/> null for the tap, else the floor's mode.</summary>
    private sealed record Subject(string Build, string Name, string Path, string? Mode, double Target, string Publish);

    /// <summary>What the capture run did: the tap's records, the /v1 requests and the bodies the fake answered.</summary>
    private sealed record Capture(string RequestsFile, long TapRecords, int Requests, int Posts, int NotFound, long ResponseBytes, int Truncated);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 3;
        if (args is ["--runs", var value] && int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            runs = n;
        }
        else if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: floor [--runs N]");
            return 2;
        }

        const string TapAot = "dotnet publish tap-customerio/tap-customerio.csproj -c Release -r linux-x64 -p:PublishAot=true -o bench/out/aot";
        const string TapJit = "dotnet publish tap-customerio/tap-customerio.csproj -c Release";
        const string FloorAot = "dotnet publish bench/Floor/Floor.csproj -c Release -r linux-x64 -p:PublishAot=true -o bench/out/floor-aot";
        const string FloorJit = "dotnet publish bench/Floor/Floor.csproj -c Release -o bench/out/floor-jit";
        Subject[] all =
        [
            new(AotBuild, "tap", BenchPaths.Aot, null, CpuMode.AotTarget, TapAot),
            new(AotBuild, "floor copy", BenchPaths.FloorAot, "copy", CpuMode.AotTarget, FloorAot),
            new(AotBuild, "floor check", BenchPaths.FloorAot, "check", CpuMode.AotTarget, FloorAot),
            new(AotBuild, "floor scan", BenchPaths.FloorAot, "scan", CpuMode.AotTarget, FloorAot),
            new(JitBuild, "tap", BenchPaths.JitPublish, null, CpuMode.JitTarget, TapJit),
            new(JitBuild, "floor copy", BenchPaths.FloorJit, "copy", CpuMode.JitTarget, FloorJit),
            new(JitBuild, "floor check", BenchPaths.FloorJit, "check", CpuMode.JitTarget, FloorJit),
            new(JitBuild, "floor scan", BenchPaths.FloorJit, "scan", CpuMode.JitTarget, FloorJit),
        ];
        foreach (var missing in all.Where(s => !File.Exists(s.Path)).DistinctBy(s => s.Path))
        {
            Console.WriteLine($"missing {missing.Path} ({missing.Build} {missing.Name.Split(' ')[0]}), skipped: {missing.Publish}");
        }

        var subjects = all.Where(s => File.Exists(s.Path)).ToArray();
        var capturer = subjects.FirstOrDefault(s => s.Mode is null);
        if (capturer is null || !subjects.Any(s => s.Mode is not null))
        {
            Console.Error.WriteLine("floor needs a tap build and a floor build: see bench/README.md for the publish commands");
            return 1;
        }

        ThreadPool.SetMinThreads(64, 64);
        // Pinned, so that the capture server and the replay server generate the same data (the default: now − 1 hour).
        var now = DateTimeOffset.UtcNow;
        var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(-1);
        var options = new FakeApiOptions { Scale = FakeScale.Mix, RateLimitPerSecond = 0, Anchor = anchor };
        using var files = new TapFiles();
        var catalog = files.Catalog(CpuMode.MixStreams);
        var capture = await CaptureAsync(options, files, catalog, capturer);
        if (capture is null)
        {
            return 1;
        }

        Console.WriteLine($"captured with {capturer.Build} tap: {capture.TapRecords:N0} records; {capture.Requests:N0} requests " +
            $"({capture.Posts:N0} POST, {capture.NotFound} answered 404), response bodies {capture.ResponseBytes:N0} bytes" +
            (capture.Truncated > 0 ? $" ({capture.Truncated} truncated by the fake's log: the sum is short)" : ""));

        await using var server = await FakeApiServer.StartAsync(options);
        var config = files.Config(server, 1000, "replay-config.json");
        var baseUrl = server.BaseUrl.GetLeftPart(UriPartial.Authority);
        Console.WriteLine($"{runs} run(s); {Environment.ProcessorCount} cores; floor parallel 4");
        var results = subjects.ToDictionary(s => s, _ => new List<TapRun>());
        for (var run = 1; run <= runs; run++)
        {
            foreach (var subject in subjects)
            {
                string[] arguments = subject.Mode is null
                    ? ["--config", config, "--catalog", catalog]
                    : ["--base-url", baseUrl, "--api-key", options.ApiKey, "--requests", capture.RequestsFile, "--mode", subject.Mode];
                var result = await TapRunner.RunAsync(subject.Path, arguments, TimeSpan.FromMinutes(20));
                if (result.ExitCode != 0)
                {
                    Console.Error.WriteLine($"{subject.Path} {result.Failure}");
                    return 1;
                }

                results[subject].Add(result);
                var output = subject.Mode is null ? $"{result.Output.TotalRecords:N0} records" : $"{result.Output.Bytes:N0} bytes";
                Console.WriteLine($"  run {run}, {subject.Build} {subject.Name}: {output}, CPU {result.CpuSeconds:F2} s, " +
                    $"peak RSS {result.PeakRssMb:F1} MB, wall {result.Wall.TotalSeconds:F2} s");
            }
        }

        foreach (var build in subjects.GroupBy(s => s.Build))
        {
            Console.WriteLine();
            Console.WriteLine($"== {build.Key}");
            ResultTable.Print(build.SelectMany(s => Figures(s, results[s], capture)).Concat(Multiples(build, results)), Console.Out);
        }

        return 0;
    }

    private static IEnumerable<Figure> Figures(Subject subject, List<TapRun> runs, Capture capture)
    {
        var cpu = runs.Select(r => r.CpuSeconds).ToList();
        if (subject.Mode is null)
        {
            yield return new(subject.Name, "records", "", runs.Select(r => (double)r.Output.TotalRecords).ToList());
        }
        else
        {
            yield return new(subject.Name, "bytes written (= captured bodies)", "B", runs.Select(r => (double)r.Output.Bytes).ToList(),
                Goal.Exactly, capture.ResponseBytes);
        }

        yield return new(subject.Name, "CPU (user + system)", "s", cpu);
        yield return new(subject.Name, "peak RSS", "MB", runs.Select(r => r.PeakRssMb).ToList());
        var rate = subject.Mode is null
            ? runs.Select(r => r.Output.TotalRecords / r.CpuSeconds).ToList()
            : cpu.Select(c => capture.TapRecords / c).ToList();
        yield return new(subject.Name, subject.Mode is null ? "records per CPU-second" : "tap's records per CPU-second at this CPU",
            "rec/CPU-s", rate, Goal.AtLeast, subject.Target);
    }

    /// <summary>
    /// The tap's CPU over the <c>scan</c> floor's, run by run (the two are measured minutes apart within a run, so a
    /// machine that slows down for a while moves both): how many times its own transport and check the tap costs, the
    /// form a target that the floor supports would take (docs/performance.md, seventh pass).
    /// </summary>
    private static IEnumerable<Figure> Multiples(IEnumerable<Subject> build, Dictionary<Subject, List<TapRun>> results)
    {
        var tap = build.FirstOrDefault(s => s.Mode is null);
        var scan = build.FirstOrDefault(s => s.Mode == "scan");
        if (tap is not null && scan is not null)
        {
            yield return new("tap ÷ floor scan", "CPU multiple", "×",
                results[tap].Zip(results[scan], (t, f) => t.CpuSeconds / f.CpuSeconds).ToList());
        }
    }

    /// <summary>Runs the tap against a fake that logs every exchange and writes its requests file (bench/Floor's format:
    /// METHOD, path and query, base64 body, tab-separated). Null when the tap fails or the log overflows.</summary>
    private static async Task<Capture?> CaptureAsync(FakeApiOptions options, TapFiles files, string catalog, Subject tap)
    {
        // The log keeps every body: the server goes (and its memory with it) before the measured runs.
        await using var server = await FakeApiServer.StartAsync(options with { RequestLogCapacity = LogCapacity });
        var config = files.Config(server, 1000, "capture-config.json");
        var result = await TapRunner.RunAsync(tap.Path, ["--config", config, "--catalog", catalog], TimeSpan.FromMinutes(20));
        if (result.ExitCode != 0)
        {
            Console.Error.WriteLine($"tap {result.Failure}");
            return null;
        }

        var log = server.Stats.Log!;
        if (log.Dropped > 0)
        {
            Console.Error.WriteLine($"the fake's request log dropped {log.Dropped} exchanges: raise {nameof(LogCapacity)} ({LogCapacity})");
            return null;
        }

        var exchanges = log.Snapshot().Where(e => e.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
        var text = new StringBuilder();
        foreach (var e in exchanges)
        {
            // The log keeps the path decoded (ASP.NET's PathString); ToUriComponent escapes it again as it was sent.
            text.Append(e.Method).Append('\t').Append(new PathString(e.Path).ToUriComponent()).Append(e.Query).Append('\t');
            if (e.RequestBody.Length > 0)
            {
                text.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(e.RequestBody)));
            }

            text.Append('\n');
        }

        return new Capture(files.Write("requests.tsv", text.ToString()), result.Output.TotalRecords, exchanges.Count,
            exchanges.Count(e => e.Method == "POST"), exchanges.Count(e => e.Status == 404), exchanges.Sum(e => (long)e.ResponseBody.Length),
            exchanges.Count(e => e.Truncated));
    }
}
