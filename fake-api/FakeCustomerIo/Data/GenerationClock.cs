namespace FakeCustomerIo.Data;

/// <summary>
/// The time window of each generation: generation g ≥ 1 owns (Start(g), End(g)]; generation 0 ends at the anchor.
/// With a pinned anchor every generation is one <see cref="FakeDataset.GenerationStep"/> long (deterministic). Without
/// one the dataset follows the real clock: a new generation starts after the second of the latest /v1 request and
/// ends at the current second, so records created by an advance are newer than anything a previous sync could have
/// seen (its signpost included) and still in the past of the real clock.
/// </summary>
internal sealed class GenerationClock(long anchor, long step, TimeProvider? realClock)
{
    private readonly Lock _gate = new();
    private volatile (long Start, long End)[] _windows = [(anchor, anchor)];
    private long _lastRequestSecond = long.MinValue;

    public int Count => _windows.Length;

    public long Start(int generation) => _windows[generation].Start;

    public long End(int generation) => _windows[generation].End;

    /// <summary>Called for every /v1 arrival.</summary>
    public void NoteRequest()
    {
        if (realClock is null)
        {
            return;
        }

        var second = realClock.GetUtcNow().ToUnixTimeSeconds();
        long seen;
        while ((seen = Interlocked.Read(ref _lastRequestSecond)) < second
               && Interlocked.CompareExchange(ref _lastRequestSecond, second, seen) != seen)
        {
        }
    }

    /// <summary>Opens the window of the next generation and returns its number.</summary>
    public int Append()
    {
        lock (_gate)
        {
            var previous = _windows[^1].End;
            (long, long) window;
            if (realClock is null)
            {
                window = (previous, previous + step);
            }
            else
            {
                var start = Math.Max(previous, Interlocked.Read(ref _lastRequestSecond));
                for (var wait = 0; wait < 100 && realClock.GetUtcNow().ToUnixTimeSeconds() <= start; wait++)
                {
                    Thread.Sleep(20); // until the next second: about one second at most
                }

                window = (start, Math.Max(start + 1, realClock.GetUtcNow().ToUnixTimeSeconds()));
            }
            _windows = [.. _windows, window];
            return _windows.Length - 1;
        }
    }
}
