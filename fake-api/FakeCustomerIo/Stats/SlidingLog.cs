namespace FakeCustomerIo.Stats;

/// <summary>
/// Arrival times (<see cref="TimeProvider"/> timestamps) of the last second. An arrival at t counts the arrivals in
/// (t − 1 s, t]; the maximum of that count over all arrivals is exactly the busiest 1,000 ms span (a sliding log, not
/// fixed buckets). Not thread-safe: callers hold a lock and pass <see cref="Now"/> taken inside it, so the log stays ordered.
/// </summary>
internal sealed class SlidingLog(TimeProvider time)
{
    private readonly Queue<long> _ticks = new();

    public int Count => _ticks.Count;

    public long Now => time.GetTimestamp();

    /// <summary>Forgets arrivals at least one second older than <paramref name="now"/>; returns how many remain.</summary>
    public int Trim(long now)
    {
        while (_ticks.Count > 0 && time.GetElapsedTime(_ticks.Peek(), now) >= TimeSpan.FromSeconds(1))
        {
            _ticks.Dequeue();
        }

        return _ticks.Count;
    }

    public void Add(long now) => _ticks.Enqueue(now);

    public void Clear() => _ticks.Clear();
}
