namespace TapCustomerIo.Sync;

/// <summary>
/// How many of one parent's children read at once: up to <see cref="MaxChildren"/>, fewer when their pages are large.
/// Request rate is the budget's business; this bounds memory. A child holds about four times its page while reading
/// it (the body, its index, the previous page's keys where repeats are dropped) for each lane it reads at once, and
/// a segment's membership page is 2.7 MB at 30,000 members: eight at once held 100 MB. The children of a fan-out
/// share <see cref="PageBytes"/>; until the first of them has had a page, its size is unknown and one runs alone.
/// </summary>
internal sealed class ChildGate(Func<long?> childBytes)
{
    public const int MaxChildren = 8;

    /// <summary>What the children of one parent may hold at once.</summary>
    public const long PageBytes = 16L * 1024 * 1024;

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private int _running;

    /// <summary>Children allowed when each may hold <paramref name="bytes"/> of bodies at once (one while that is unknown).</summary>
    public static int Allowed(long? bytes) => bytes is not { } size ? 1
        : (int)Math.Clamp(PageBytes / Math.Max(1, 4 * size), 1, MaxChildren);

    public async Task EnterAsync(CancellationToken cancellation)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_running == 0 || _running < Allowed(childBytes()))
                {
                    _running++;
                    return;
                }
            }

            // Sizes change as pages arrive and children finish: look again shortly (a fan-out waits here only while
            // its pages are large or not yet seen, a few times a second).
            await Task.Delay(Recheck, cancellation).ConfigureAwait(false);
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _running--;
        }
    }
}
