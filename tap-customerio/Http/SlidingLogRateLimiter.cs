using System.Threading.RateLimiting;

namespace TapCustomerIo.Http;

/// <summary>
/// At most <c>permits</c> acquisitions in any window of <c>window</c> length, measured exactly (a log of start times),
/// and spread evenly: two grants are at least <c>window / permits</c> apart. Customer.io counts requests in a sliding
/// one-second window per workspace; the token-bucket and segmented sliding-window limiters of
/// System.Threading.RateLimiting can both let up to twice the limit through inside one arbitrary second, which the API
/// answers with 429. Evenly spaced requests also arrive evenly: a burst of ten reaches the server bunched, and one of
/// them counted late can push the next second's first request over the limit. Waiters are served in arrival order.
/// </summary>
internal sealed class SlidingLogRateLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Queue<long> _starts = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _spacing = window / permits;
    private long _granted;
    private long? _last;

    public override TimeSpan? IdleDuration => null;

    public long Granted => Interlocked.Read(ref _granted);

    public override RateLimiterStatistics GetStatistics() =>
        new() { CurrentAvailablePermits = Math.Max(0, permits - _starts.Count), TotalSuccessfulLeases = Granted };

    /// <summary>
    /// Moves the latest grant to now: the caller knows its request may have reached the server only now (the first
    /// request of a cold process spends tens of milliseconds compiling between its grant and the wire).
    /// Call it only while no other grant can be in flight.
    /// </summary>
    public void RestampLatest()
    {
        _gate.Wait();
        try
        {
            if (_starts.Count > 0)
            {
                var now = time.GetTimestamp();
                var kept = _starts.Take(_starts.Count - 1).ToArray();
                _starts.Clear();
                foreach (var start in kept)
                {
                    _starts.Enqueue(start);
                }

                _starts.Enqueue(now);
                _last = now;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (!_gate.Wait(0))
        {
            return Lease.Denied;
        }

        try
        {
            return WaitTime(time.GetTimestamp()) == TimeSpan.Zero ? Grant(time.GetTimestamp()) : Lease.Denied;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (WaitTime(time.GetTimestamp()) is { } wait && wait > TimeSpan.Zero)
            {
                // Timers count whole milliseconds: a shorter delay fires at once, and this loop would spin until the
                // wait is over (a tenth of the tap's CPU with the budget lifted). Wait whole milliseconds instead.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
            }

            return Grant(time.GetTimestamp());
        }
        finally
        {
            _gate.Release();
        }
    }

    private TimeSpan WaitTime(long now)
    {
        while (_starts.Count > 0 && time.GetElapsedTime(_starts.Peek(), now) >= window)
        {
            _starts.Dequeue();
        }

        var untilSpaced = _last is { } last ? _spacing - time.GetElapsedTime(last, now) : TimeSpan.Zero;
        var untilWindow = _starts.Count < permits ? TimeSpan.Zero : window - time.GetElapsedTime(_starts.Peek(), now);
        var wait = untilSpaced > untilWindow ? untilSpaced : untilWindow;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private Lease Grant(long now)
    {
        _starts.Enqueue(now);
        _last = now;
        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Denied = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
