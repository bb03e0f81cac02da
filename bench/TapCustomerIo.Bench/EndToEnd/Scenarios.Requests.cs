using System.Text.RegularExpressions;
using FakeCustomerIo;

namespace TapCustomerIo.Bench.EndToEnd;

internal sealed partial class Scenarios
{
    [GeneratedRegex(@"^DEBUG (GET|POST) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    /// <summary>
    /// A full default sync (no catalog) at Small scale with the budget lifted, counted per endpoint by the fake and
    /// compared with <see cref="RequestMinimum"/>, the fewest calls the paging rules allow for the same data.
    /// </summary>
    public async Task<IReadOnlyList<Figure>> RequestsAsync()
    {
        await using var server = await FakeApiServer.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        using var files = new TapFiles();
        List<double> total = [], minimum = [], ratio = [];
        for (var run = 1; run <= runs; run++)
        {
            server.Stats.Reset();
            var result = await RunTapAsync(["--config", files.Config(server, 1000), "--log-level", "debug"]);
            var stats = server.Stats.Snapshot();
            var urls = RequestLine().Matches(result.Stderr).Select(m => m.Groups[2].Value).ToArray();
            var expected = RequestMinimum.Compute(server.Data, TapFiles.StartDate(server), urls);
            var least = RequestMinimum.Total(stats.Endpoints, expected);
            total.Add(stats.TotalRequests);
            minimum.Add(least);
            ratio.Add(stats.TotalRequests / (double)least);
            Log(run, result, $"{stats.TotalRequests} requests, minimum {minimum[^1]}");
            if (run == 1)
            {
                RequestMinimum.Print(stats.Endpoints, expected, log);
            }
        }

        const string s = "4 requests (full default sync, Small)";
        return
        [
            new(s, "requests made", "", total),
            new(s, "minimum the paging rules allow", "", minimum),
            new(s, "requests / minimum", "×", ratio, Goal.AtMost, 1.02),
        ];
    }
}
