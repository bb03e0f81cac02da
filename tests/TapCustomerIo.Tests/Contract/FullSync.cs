using FakeCustomerIo;
using FakeCustomerIo.Data;
using FakeCustomerIo.Stats;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Contract;

/// <summary>
/// One full sync of every registered stream (opt-in ones included) against the fake with its request log on, run once
/// per test process and shared by every class that takes this fixture (the contract and the per-stream truth tests).
/// The fake is stopped once the run is read; its dataset stays usable for expectations.
/// </summary>
public sealed class FullSync : IAsyncLifetime
{
    private static readonly Lazy<Task<FullSyncResult>> Shared = new(RunAsync);

    internal FullSyncResult Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<FullSyncResult> RunAsync()
    {
        // Small data with fewer people keeps the per-person streams (one call per person) quick; no rate limit.
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0,
            Scale = FakeScale.Small with { People = 200 },
            RequestLogCapacity = 50_000,
        });
        var streams = StreamRegistry.All.Select(s => s.Name).ToArray();
        var run = await harness.RunAsync(harness.Config(), harness.Catalog(streams), timeout: TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, $"tap exited {run.ExitCode}:\n{run.Stderr}");
        var log = harness.Server.Stats.Log!;
        return new FullSyncResult(SingerTranscript.Parse(run.Stdout), log.Snapshot(), log.Dropped, harness.Server.Data,
            DateTimeOffset.Parse(harness.StartDate, System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>What the shared full sync produced: the tap's output, every exchange with the fake, the fake's data.</summary>
internal sealed record FullSyncResult(SingerTranscript Transcript, IReadOnlyList<LoggedExchange> Exchanges, long DroppedExchanges,
    FakeDataset Data, DateTimeOffset StartDate);
