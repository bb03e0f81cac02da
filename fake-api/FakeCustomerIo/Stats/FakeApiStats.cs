using FakeCustomerIo.Pipeline;

namespace FakeCustomerIo.Stats;

/// <summary>
/// Counters of the /v1 traffic: every request (accepted, rejected or failed) counts, keyed by route template
/// ("GET /v1/campaigns/{id}/actions"). <see cref="BusiestWindow"/> is the largest number of /v1 requests that arrived
/// within any 1,000 ms span: what tests use to prove a client never exceeds its budget.
/// </summary>
internal sealed class FakeApiStats(TimeProvider time, int requestLogCapacity = 0)
{
    private readonly Lock _gate = new();
    private readonly SlidingLog _window = new(time);
    private readonly Dictionary<string, long> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<FaultKinds, long> _faults = [];
    private long _total, _rateLimited, _busiest;

    /// <summary>Each exchange in full; null unless <see cref="FakeApiOptions.RequestLogCapacity"/> is set.</summary>
    public RequestLog? Log { get; } = requestLogCapacity > 0 ? new RequestLog(requestLogCapacity) : null;

    public void RecordArrival(string routeKey)
    {
        lock (_gate)
        {
            var now = _window.Now;
            _window.Trim(now);
            _window.Add(now);
            _busiest = Math.Max(_busiest, _window.Count);
            _total++;
            _endpoints[routeKey] = _endpoints.GetValueOrDefault(routeKey) + 1;
        }
    }

    public void RecordRateLimited()
    {
        lock (_gate)
        {
            _rateLimited++;
        }
    }

    public void RecordFault(FaultKinds kind)
    {
        lock (_gate)
        {
            _faults[kind] = _faults.GetValueOrDefault(kind) + 1;
        }
    }

    public StatsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new StatsSnapshot(_total, new Dictionary<string, long>(_endpoints), _rateLimited,
                _faults.Values.Sum(), _faults.ToDictionary(f => FaultInjector.Name(f.Key), f => f.Value), _busiest);
        }
    }

    public long TotalRequests => Snapshot().TotalRequests;
    public long RateLimited => Snapshot().RateLimited;
    public long Faults => Snapshot().Faults;
    public long BusiestWindow => Snapshot().BusiestWindow;
    public long Count(string routeKey) => Snapshot().Endpoints.GetValueOrDefault(routeKey);

    public void Reset()
    {
        lock (_gate)
        {
            _window.Clear();
            _endpoints.Clear();
            _faults.Clear();
            _total = _rateLimited = _busiest = 0;
        }
        Log?.Clear();
    }
}

/// <summary>What GET /_fake/stats returns (snake_case): <c>rate_limited</c> counts the limiter's 429s (with
/// Retry-After); injected 429s count under <c>faults</c> / <c>faults_by_kind.too_many_requests</c>.</summary>
internal sealed record StatsSnapshot(long TotalRequests, IReadOnlyDictionary<string, long> Endpoints, long RateLimited,
    long Faults, IReadOnlyDictionary<string, long> FaultsByKind, long BusiestWindow);
