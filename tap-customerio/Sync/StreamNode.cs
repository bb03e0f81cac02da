using TapCustomerIo.Schemas;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

/// <summary>
/// A stream in this run's tree: selected (its records are written) or only walked (a selected descendant needs its
/// records as parents). Keeps the run's progress: records written, the latest replication value seen.
/// </summary>
internal sealed class StreamNode(StreamDefinition definition, RecordPlan? plan, DateTimeOffset? since)
{
    private long _records;
    private long _latest = long.MinValue;
    private long _future;

    public StreamDefinition Definition { get; } = definition;

    /// <summary>Null when the stream is walked for its children only.</summary>
    public RecordPlan? Plan { get; } = plan;

    public bool Selected => Plan is not null;

    /// <summary>Records with a replication value at or before this were emitted by an earlier run (null: emit all).</summary>
    public DateTimeOffset? Since { get; } = since;

    public List<StreamNode> Children { get; } = [];

    public long Records => Interlocked.Read(ref _records);

    public long FutureSkipped => Interlocked.Read(ref _future);

    public DateTimeOffset? Latest => Interlocked.Read(ref _latest) is var v && v == long.MinValue ? null : DateTimeOffset.FromUnixTimeSeconds(v);

    public void Wrote(int count) => Interlocked.Add(ref _records, count);

    private long _reported;

    /// <summary>Records written since the last call: Singer's record_count counter reports increments.</summary>
    public long TakeUnreported()
    {
        var total = Records;
        return total - Interlocked.Exchange(ref _reported, total);
    }

    public void SkippedFuture() => Interlocked.Increment(ref _future);

    public void Saw(long seconds)
    {
        long current;
        while (seconds > (current = Interlocked.Read(ref _latest)) && Interlocked.CompareExchange(ref _latest, seconds, current) != current)
        {
        }
    }

    public IEnumerable<StreamNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
