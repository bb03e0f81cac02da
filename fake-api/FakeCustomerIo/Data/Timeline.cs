namespace FakeCustomerIo.Data;

/// <summary>
/// Maps the index of a generated event (delivery, activity) to its Unix time, non-decreasing in the index.
/// Generation 0 holds <c>baseCount</c> events over [baseStart, baseEnd]; generation g ≥ 1 adds <c>perAdvance</c>
/// events in the generation's window (see <see cref="GenerationClock"/>). Indices never move, so cursors stay valid
/// across generations.
/// </summary>
internal sealed class Timeline(long baseCount, long baseStart, long baseEnd, long perAdvance, GenerationClock clock)
{
    public long Count(int generation) => baseCount + generation * perAdvance;

    public long TimeOf(long index)
    {
        if (index < baseCount)
        {
            var span = baseEnd - baseStart;
            var divisor = Math.Max(1, baseCount - 1);
            return baseStart + (index < long.MaxValue / Math.Max(1, span) ? index * span / divisor : (long)((Int128)index * span / divisor));
        }
        var k = index - baseCount;
        var g = (int)(k / perAdvance + 1);
        var j = k % perAdvance;
        var (start, end) = (clock.Start(g), clock.End(g));
        return start + 1 + j * (end - start - 1) / perAdvance;
    }

    /// <summary>Generation that created the event (0 for the base history).</summary>
    public int GenerationOf(long index) => index < baseCount ? 0 : (int)((index - baseCount) / perAdvance + 1);

    /// <summary>First index whose time is ≥ <paramref name="unix"/> (or <paramref name="count"/>).</summary>
    public long LowerBound(long unix, long count)
    {
        long lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (TimeOf(mid) < unix)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>Indices [lo, hi) of the events with start ≤ time ≤ end (both inclusive, like the API).</summary>
    public (long Lo, long Hi) Range(long start, long end, int generation)
    {
        var count = Count(generation);
        if (end < start)
        {
            return (0, 0);
        }

        var lo = LowerBound(start, count);
        var hi = end == long.MaxValue ? count : LowerBound(end + 1, count);
        return (lo, Math.Max(lo, hi));
    }
}
