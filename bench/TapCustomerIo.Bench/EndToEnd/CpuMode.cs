using System.Globalization;
using FakeCustomerIo;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>
/// <c>cpu [--runs N] [--build jit|aot|both] [--scale mix|large]</c>: a full sync of the 23 streams of issue 12's mix
/// (<see cref="MixStreams"/>), budget lifted, the tap as a whole process with stdout drained through a pipe. Per run: records, CPU seconds (user + system of the tap process, from GNU time), records per CPU-second, peak
/// RSS (the kernel's high-water mark) and wall time. CPU, not wall time, is the figure: the fake shares the machine.
/// </summary>
internal static class CpuMode
{
    public const double AotTarget = 250_000;
    public const double JitTarget = 150_000;
    private const double RssTarget = 100;

    /// <summary>Issue 12's 23 streams: the six large ones (segment memberships, deliveries, people, activities,
    /// suppressions, campaign actions) and the workspace's small lists. Metrics streams are not part of the mix.</summary>
    public static readonly string[] MixStreams =
    [
        "segment_membership", "messages", "customers", "activities", "esp_suppressions", "campaign_actions",
        "broadcast_actions", "broadcasts", "campaigns", "collections", "exports", "info_ip_addresses", "newsletters", "object_types",
        "objects", "reporting_webhooks", "segments", "sender_identities", "snippets", "subscription_channels", "subscription_topics",
        "transactional_messages", "workspaces",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 5;
        var build = "both";
        var scaleName = "mix";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--build" when i + 1 < args.Length && args[i + 1] is "jit" or "aot" or "both":
                    build = args[++i];
                    break;
                case "--scale" when i + 1 < args.Length && args[i + 1] is "mix" or "large":
                    scaleName = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown cpu argument '{args[i]}'; usage: cpu [--runs N] [--build jit|aot|both] [--scale mix|large]");
                    return 2;
            }
        }

        List<(string Label, string Path, double Target)> builds = [];
        if (build is "aot" or "both")
        {
            builds.Add(("native AOT", BenchPaths.Aot, AotTarget));
        }

        if (build is "jit" or "both")
        {
            builds.Add(("JIT (dotnet publish -c Release)", BenchPaths.JitPublish, JitTarget));
        }

        if (builds.FirstOrDefault(b => !File.Exists(b.Path)) is { Path: not null } missing)
        {
            Console.Error.WriteLine($"no tap binary at {missing.Path}: see bench/README.md for the publish commands");
            return 1;
        }

        ThreadPool.SetMinThreads(64, 64);
        // large: the memory case of issue 12, ten times the mix's people and about seventeen times its deliveries.
        var scale = scaleName == "large" ? FakeScale.Mix with { People = 200_000, Deliveries = 1_000_000 } : FakeScale.Mix;
        await using var server = await FakeApiServer.StartAsync(new FakeApiOptions { Scale = scale, RateLimitPerSecond = 0 });
        using var files = new TapFiles();
        var config = files.Config(server, 1000);
        var catalog = files.Catalog(MixStreams);
        Console.WriteLine($"scale {scaleName}: {scale.People:N0} people, {scale.Deliveries:N0} deliveries; {MixStreams.Length} streams, budget lifted; " +
            $"{runs} run(s) per build; {Environment.ProcessorCount} cores");
        var figures = new List<Figure>();
        foreach (var (label, path, target) in builds)
        {
            Console.WriteLine($"== {label}: {path}");
            List<double> records = [], cpu = [], rate = [], rss = [], wall = [];
            for (var run = 1; run <= runs; run++)
            {
                var result = await TapRunner.RunAsync(path, ["--config", config, "--catalog", catalog], TimeSpan.FromMinutes(20));
                if (result.ExitCode != 0)
                {
                    Console.Error.WriteLine($"tap {result.Failure}");
                    return 1;
                }

                records.Add(result.Output.TotalRecords);
                cpu.Add(result.CpuSeconds);
                rate.Add(result.Output.TotalRecords / result.CpuSeconds);
                rss.Add(result.PeakRssMb);
                wall.Add(result.Wall.TotalSeconds);
                Console.WriteLine($"  run {run}: {result.Output.TotalRecords:N0} records ({result.Output.Bytes / 1e6:F0} MB), CPU {result.CpuSeconds:F2} s " +
                    $"-> {rate[^1]:N0} records/CPU-s, peak RSS {result.PeakRssMb:F1} MB, wall {result.Wall.TotalSeconds:F2} s");
                if (run == 1)
                {
                    Console.WriteLine("    " + string.Join(", ", result.Output.Records.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value:N0}")));
                }
            }

            var s = $"{scaleName}, {label}";
            figures.Add(new(s, "records", "", records));
            figures.Add(new(s, "CPU (user + system)", "s", cpu));
            figures.Add(new(s, "records per CPU-second", "rec/CPU-s", rate, scaleName == "mix" ? Goal.AtLeast : Goal.None, target));
            figures.Add(new(s, "peak RSS (VmHWM)", "MB", rss, Goal.Below, RssTarget));
            figures.Add(new(s, "wall time (machine shared with the fake)", "s", wall));
        }

        Console.WriteLine();
        ResultTable.Print(figures, Console.Out);
        return figures.Any(f => f.Passed == false) ? 3 : 0;
    }
}
