using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

/// <summary>
/// <c>--test</c>, as singer-sdk's connection test does it: every stream in the run (selected, or walked for its children)
/// reads until it has taken one record, then stops paging; children are read for that one parent only. A test run moves
/// no bookmark and activates no table version: its output is a sample, not a sync.
/// </summary>
internal sealed class RecordQuota
{
    /// <summary>Delivery windows run oldest first; a test reads only the most recent month, not years of empty windows.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(30);

    private readonly int _limit;
    private readonly Dictionary<StreamNode, int> _taken = [];
    private readonly Lock _lock = new();

    public RecordQuota(int limit = 1) => _limit = limit;

    /// <summary>The batch cut to what the stream may still take, and without a window end (no bookmark moves).</summary>
    public RecordBatch Limit(StreamNode node, RecordBatch batch)
    {
        lock (_lock)
        {
            var taken = _taken.GetValueOrDefault(node);
            var take = Math.Min(_limit - taken, batch.Records.Count);
            _taken[node] = taken + take;
            return batch with { Records = batch.Records.Take(take).ToArray(), CompletedThrough = null };
        }
    }

    public bool Reached(StreamNode node)
    {
        lock (_lock)
        {
            return _taken.GetValueOrDefault(node) >= _limit;
        }
    }

}
