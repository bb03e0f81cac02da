using System.Globalization;
using FakeCustomerIo;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Pipeline;

[Collection(TimingSensitiveCollection.Name)]
public sealed class FaultTests
{
    private static FakeApiOptions WithFaults(int seed, double rate = 0.5, FaultKinds kinds = FaultKinds.All) =>
        FakeApiHarness.Options() with { Faults = new FaultOptions { Rate = rate, Seed = seed, SlowDelay = TimeSpan.FromMilliseconds(30), Kinds = kinds } };

    private static readonly string[] Paths =
    [
        .. Enumerable.Range(1, 11).Select(i => $"/v1/campaigns/{i}/actions"),
        .. Enumerable.Range(1, 15).Select(i => $"/v1/messages?limit={i.ToString(CultureInfo.InvariantCulture)}"),
        "/v1/segments", "/v1/broadcasts", "/v1/newsletters", "/v1/workspaces",
    ];

    /// <summary>Each request once, in order: its status, or "error" when the connection broke.</summary>
    private static async Task<List<string>> OutcomesAsync(FakeApiOptions options)
    {
        await using var api = await FakeApiHarness.StartAsync(options);
        var outcomes = new List<string>();
        foreach (var path in Paths)
        {
            try
            {
                using var response = await api.Http.GetAsync(path);
                await response.Content.ReadAsStringAsync();
                outcomes.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("error");
            }
        }
        Assert.Equal(outcomes.Count(o => o != "200"), api.Server.Stats.Faults - api.Server.Stats.Snapshot().FaultsByKind.GetValueOrDefault("slow"));
        return outcomes;
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_and_another_seed_other_faults()
    {
        var first = await OutcomesAsync(WithFaults(11));
        var second = await OutcomesAsync(WithFaults(11));
        var other = await OutcomesAsync(WithFaults(12));
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains("error", first.Concat(other));
        Assert.Contains(first.Concat(other), o => o is "500" or "502" or "503" or "504" or "429");
    }

    [Fact]
    public async Task Retrying_every_failure_max_consecutive_plus_one_times_gives_the_fault_free_answers()
    {
        await using var clean = await FakeApiHarness.StartAsync();
        await using var faulty = await FakeApiHarness.StartAsync(WithFaults(5, rate: 0.9));
        foreach (var path in Paths)
        {
            var expected = await (await clean.Http.GetAsync(path)).Content.ReadAsStringAsync();
            string? body = null;
            for (var attempt = 0; attempt <= faulty.Server.Options.Faults.MaxConsecutive && body is null; attempt++)
            {
                try
                {
                    using var response = await faulty.Http.GetAsync(path);
                    if ((int)response.StatusCode == 200)
                    {
                        body = await response.Content.ReadAsStringAsync();
                    }
                }
                catch (HttpRequestException)
                {
                }
            }
            Assert.Equal(expected, body);
        }
        Assert.True(faulty.Server.Stats.Faults > Paths.Length / 2);
    }

    [Fact]
    public async Task Only_the_enabled_kinds_are_injected()
    {
        var outcomes = await OutcomesAsync(WithFaults(3, rate: 0.6, kinds: FaultKinds.Status503));
        Assert.Contains("503", outcomes);
        Assert.All(outcomes, o => Assert.True(o is "200" or "503", o));
    }
}
