using System.Diagnostics;
using FakeCustomerIo.Stats;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>
/// Samples the fake's request counter every millisecond while a run lasts, to time the span from the first request's
/// arrival to the last one's and to find where the budget sat idle (the fake's stats count requests but keep no
/// arrival times).
/// </summary>
internal sealed class RequestClock : IAsyncDisposable
{
    private readonly FakeApiStats _stats;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<(long Ticks, long Count)> _changes = [];
    private long _count;

    public RequestClock(FakeApiStats stats)
    {
        _stats = stats;
        _loop = Task.Factory.StartNew(Sample, TaskCreationOptions.LongRunning);
    }

    /// <summary>Between the first and the last arrival seen (±1 ms).</summary>
    public TimeSpan Span => _changes.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_changes[0].Ticks, _changes[^1].Ticks);

    /// <summary>The longest stretches without a new arrival, as (offset from the first arrival, length, requests so far).</summary>
    public IEnumerable<(TimeSpan At, TimeSpan Gap, long Before)> LongestGaps(int count) =>
        _changes.Zip(_changes.Skip(1), (a, b) => (At: Stopwatch.GetElapsedTime(_changes[0].Ticks, a.Ticks), Gap: Stopwatch.GetElapsedTime(a.Ticks, b.Ticks), Before: a.Count))
            .OrderByDescending(g => g.Gap)
            .Take(count);

    /// <summary>Time spent in gaps longer than <paramref name="slack"/> beyond that slack: what an evenly spaced budget
    /// (one request every 100 ms at 10 per second) would not have lost.</summary>
    public TimeSpan IdleBeyond(TimeSpan slack) =>
        _changes.Zip(_changes.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Ticks, b.Ticks) - slack)
            .Where(g => g > TimeSpan.Zero)
            .Aggregate(TimeSpan.Zero, (sum, g) => sum + g);

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            Observe();
            Thread.Sleep(1);
        }

        Observe();
    }

    private void Observe()
    {
        var now = Stopwatch.GetTimestamp();
        var count = _stats.TotalRequests;
        if (count != _count)
        {
            _count = count;
            _changes.Add((now, count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
