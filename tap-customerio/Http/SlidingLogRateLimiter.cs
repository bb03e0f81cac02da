using System.Threading.RateLimiting;

namespace TapCustomerIo.Http;

/// <summary>
/// At most <c>permits</c> acquisitions in any window of <c>window</c> length, measured exactly (a log of start times).
/// Customer.io counts requests in a sliding one-second window per workspace; the token-bucket and segmented
/// sliding-window limiters of System.Threading.RateLimiting can both let up to twice the limit through inside one
/// arbitrary second, which the API answers with 429. Waiters are served in arrival order.
/// </summary>
internal sealed class SlidingLogRateLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Queue<long> _starts = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _granted;

    public override TimeSpan? IdleDuration => null;

    public long Granted => Interlocked.Read(ref _granted);

    public override RateLimiterStatistics GetStatistics() =>
        new() { CurrentAvailablePermits = Math.Max(0, permits - _starts.Count), TotalSuccessfulLeases = Granted };

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
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
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

        return _starts.Count < permits ? TimeSpan.Zero : window - time.GetElapsedTime(_starts.Peek(), now);
    }

    private Lease Grant(long now)
    {
        _starts.Enqueue(now);
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
