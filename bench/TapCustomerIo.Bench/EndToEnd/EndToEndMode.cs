using System.Globalization;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary><c>e2e [--runs N] [--only throughput,memory,budget,requests,startup]</c>: the real tap against in-process fakes.</summary>
internal static class EndToEndMode
{
    private static readonly string[] AllScenarios = ["throughput", "memory", "budget", "requests", "startup"];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 3;
        var only = AllScenarios;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                default:
                    Console.Error.WriteLine($"unknown e2e argument '{args[i]}'; usage: e2e [--runs N] [--only {string.Join(',', AllScenarios)}]");
                    return 2;
            }
        }

        // The fakes run in this process and stamp each request when a pool thread picks it up: with the default
        // minimum (one thread a core) a burst can wait for thread injection and be stamped late, all at once.
        ThreadPool.SetMinThreads(64, 64);
        var aot = File.Exists(BenchPaths.Aot);
        var tap = aot ? BenchPaths.Aot : BenchPaths.Jit;
        if (!File.Exists(tap))
        {
            Console.Error.WriteLine($"no tap binary: build it (dotnet build -c Release) or publish the AOT one to {BenchPaths.Aot}");
            return 1;
        }

        Console.WriteLine($"tap binary: {tap} ({(aot ? "native AOT" : "JIT, framework-dependent")}); {runs} run(s) per scenario; {Environment.ProcessorCount} cores");
        var scenarios = new Scenarios(tap, runs, Console.Out);
        var figures = new List<Figure>();
        foreach (var name in only)
        {
            Console.WriteLine($"== {name}");
            figures.AddRange(name switch
            {
                "throughput" => await scenarios.ThroughputAsync(),
                "memory" => await scenarios.MemoryAsync(),
                "budget" => await scenarios.BudgetAsync(),
                "requests" => await scenarios.RequestsAsync(),
                "startup" => await scenarios.StartupAsync(),
                _ => throw new ArgumentException($"unknown scenario '{name}'"),
            });
        }

        Console.WriteLine();
        ResultTable.Print(figures, Console.Out);
        return figures.Any(f => f.Passed == false) ? 3 : 0;
    }
}
