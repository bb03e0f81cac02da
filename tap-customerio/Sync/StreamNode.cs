using TapCustomerIo.Schemas;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

/// <summary>
/// A stream in this run's tree: selected (its records are written) or only walked (a selected descendant needs its
/// records as parents). Keeps the run's progress: records written; its <see cref="IncrementalPolicy"/> keeps the rest.
/// </summary>
internal sealed class StreamNode(StreamDefinition definition, RecordPlan? plan, IncrementalPolicy policy)
{
    private long _records;

    public StreamDefinition Definition { get; } = definition;

    /// <summary>Null when the stream is walked for its children only.</summary>
    public RecordPlan? Plan { get; } = plan;

    public bool Selected => Plan is not null;

    public IncrementalPolicy Policy { get; } = policy;

    public List<StreamNode> Children { get; } = [];

    public long Records => Interlocked.Read(ref _records);

    public void Wrote(int count) => Interlocked.Add(ref _records, count);

    private long _reported;

    /// <summary>Records written since the last call: Singer's record_count counter reports increments.</summary>
    public long TakeUnreported()
    {
        var total = Records;
        return total - Interlocked.Exchange(ref _reported, total);
    }

    public IEnumerable<StreamNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
