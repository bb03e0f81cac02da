using FakeCustomerIo.Stats;

namespace FakeCustomerIo.Pipeline;

/// <summary>
/// The strict limit: a request is refused iff <c>limit</c> requests were already let through in the preceding
/// 1,000 ms. Refused requests do not enter the log, so a client that backs off is not punished further.
/// </summary>
internal sealed class SlidingWindowLimiter(int limitPerSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly SlidingLog _accepted = new(time);

    public bool TryAcquire()
    {
        if (limitPerSecond <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = _accepted.Now;
            if (_accepted.Trim(now) >= limitPerSecond)
            {
                return false;
            }

            _accepted.Add(now);
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _accepted.Clear();
        }
    }
}
