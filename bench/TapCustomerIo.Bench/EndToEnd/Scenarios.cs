using FakeCustomerIo;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>The five end-to-end scenarios; each runs the tap <c>runs</c> times and returns its figures.</summary>
internal sealed partial class Scenarios(string tap, int runs, TextWriter log)
{
    /// <summary>Selected for the budget scenario: people (⌈N/1000⌉ searches + ⌈N/100⌉ attribute calls) and campaign
    /// children (one or more calls per campaign or action), so requests come from many parents at once.</summary>
    private static readonly string[] BudgetStreams =
        ["customers", "campaigns", "campaign_actions", "campaign_metrics", "campaign_journey_metrics", "campaign_action_metrics"];

    public async Task<IReadOnlyList<Figure>> ThroughputAsync()
    {
        await using var server = await FakeApiServer.StartAsync(new FakeApiOptions { Scale = FakeScale.Bench, RateLimitPerSecond = 0 });
        using var files = new TapFiles();
        var expected = server.Data.DeliveryCount;
        List<double> wall = [], records = [], rss = [], requests = [];
        for (var run = 1; run <= runs; run++)
        {
            server.Stats.Reset();
            var result = await RunTapAsync(["--config", files.Config(server, 1000), "--catalog", files.Catalog("messages")]);
            wall.Add(result.Wall.TotalSeconds);
            records.Add(result.Output.Records.GetValueOrDefault("messages"));
            rss.Add(result.PeakRssMb);
            requests.Add(server.Stats.TotalRequests);
            Log(run, result, $"{server.Stats.TotalRequests} requests");
        }

        const string s = "1 throughput (messages, 1M deliveries)";
        return
        [
            new(s, "wall time", "s", wall, Goal.Below, 15),
            new(s, "records (= fake's deliveries)", "", records, Goal.Exactly, expected),
            new(s, "records/s end to end", "rec/s", [.. records.Zip(wall, (r, w) => r / w)]),
            new(s, "peak RSS of the tap", "MB", rss),
            new(s, "requests", "", requests),
        ];
    }

    public async Task<IReadOnlyList<Figure>> MemoryAsync()
    {
        await using var server = await FakeApiServer.StartAsync(new FakeApiOptions { Scale = FakeScale.Bench, RateLimitPerSecond = 0 });
        using var files = new TapFiles();
        var expected = server.Data.DeliveryCount + server.Data.PeopleCount;
        List<double> rss = [], wall = [], records = [];
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunTapAsync(["--config", files.Config(server, 1000), "--catalog", files.Catalog("messages", "customers")]);
            rss.Add(result.PeakRssMb);
            wall.Add(result.Wall.TotalSeconds);
            records.Add(result.Output.TotalRecords);
            Log(run, result, string.Join(", ", result.Output.Records.Select(r => $"{r.Key} {r.Value}")));
        }

        const string s = "2 memory (messages + customers, 1M + 200k)";
        return
        [
            new(s, "peak RSS of the tap", "MB", rss, Goal.Below, 150),
            new(s, "records (= deliveries + people)", "", records, Goal.Exactly, expected),
            new(s, "wall time", "s", wall),
        ];
    }

    public async Task<IReadOnlyList<Figure>> BudgetAsync()
    {
        var options = new FakeApiOptions
        {
            Scale = FakeScale.Bench with { People = 50_000 },
            RateLimitPerSecond = 10,
            Latency = TimeSpan.FromMilliseconds(150),
        };
        await using var server = await FakeApiServer.StartAsync(options);
        using var files = new TapFiles();
        List<double> requests = [], rate = [], wallRate = [], busiest = [], limited = [];
        for (var run = 1; run <= runs; run++)
        {
            server.Stats.Reset();
            TapRun result;
            var clock = new RequestClock(server.Stats);
            await using (clock)
            {
                result = await RunTapAsync(["--config", files.Config(server, maxRequestsPerSecond: null), "--catalog", files.Catalog(BudgetStreams)]);
            }

            var stats = server.Stats.Snapshot();
            requests.Add(stats.TotalRequests);
            rate.Add((stats.TotalRequests - 1) / clock.Span.TotalSeconds);
            wallRate.Add(stats.TotalRequests / result.Wall.TotalSeconds);
            busiest.Add(stats.BusiestWindow);
            limited.Add(stats.RateLimited);
            Log(run, result, $"{stats.TotalRequests} requests in {clock.Span.TotalSeconds:F2} s first to last, busiest window {stats.BusiestWindow}, 429s {stats.RateLimited}");
            log.WriteLine($"    time lost to gaps over 100 ms between arrivals: {clock.IdleBeyond(TimeSpan.FromMilliseconds(100)).TotalSeconds:F2} s; longest gaps: " +
                string.Join(", ", clock.LongestGaps(5).Select(g => $"{g.Gap.TotalMilliseconds:F0} ms at {g.At.TotalSeconds:F1} s (after request {g.Before})")));
        }

        const string s = "3 budget (150 ms latency, limit 10)";
        return
        [
            new(s, "requests in the sync", "", requests, Goal.AtLeast, 1000),
            new(s, "requests/s, first to last arrival", "req/s", rate, Goal.AtLeast, 9.5),
            new(s, "requests/s over the tap's wall time", "req/s", wallRate),
            new(s, "busiest 1 s window", "", busiest, Goal.AtMost, 10),
            new(s, "429 answers", "", limited, Goal.AtMost, 0),
        ];
    }

    private async Task<TapRun> RunTapAsync(IEnumerable<string> args, string? binary = null)
    {
        var result = await TapRunner.RunAsync(binary ?? tap, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tap {result.Failure}");
        }

        return result;
    }

    private void Log(int run, TapRun result, string detail) =>
        log.WriteLine($"  run {run}: {result.Wall.TotalSeconds:F2} s, peak RSS {result.PeakRssMb:F1} MB, {result.Output.TotalRecords:N0} records; {detail}");
}
