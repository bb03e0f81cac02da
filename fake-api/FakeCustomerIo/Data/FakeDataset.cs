using FakeCustomerIo.Data.Activities;
using FakeCustomerIo.Data.Catalog;
using FakeCustomerIo.Data.Deliveries;
using FakeCustomerIo.Data.Model;
using FakeCustomerIo.Data.Objects;
using FakeCustomerIo.Data.People;
using FakeCustomerIo.Data.Suppressions;

namespace FakeCustomerIo.Data;

/// <summary>
/// The generated workspace. Small lists (campaigns, segments…) live in an immutable <see cref="WorkspaceCatalog"/> per
/// generation; people, deliveries, activities, memberships, objects and suppressions are computed from their index.
/// Generation 0 ends at <see cref="AnchorUnix"/>; each <see cref="Advance"/> opens a newer window (<see cref="GenerationClock"/>).
/// Time span of generation 0: every client-side replication key (<c>updated</c>, <c>updated_at</c>, triggers'
/// <c>created_at</c>) within 180 days before the anchor, deliveries within <see cref="FakeScale.DeliveryHistoryDays"/>
/// (200), activities within 30 days; so a start_date 200 days back sees everything.
/// </summary>
internal sealed partial class FakeDataset
{
    public static readonly TimeSpan GenerationStep = TimeSpan.FromMinutes(5);
    private const int ActivityHistoryDays = 30;
    private readonly Lock _advanceGate = new();
    private volatile DatasetState _state;

    /// <param name="realClock">Null: every generation is <see cref="GenerationStep"/> long (deterministic). Set: the
    /// dataset follows that clock on <see cref="Advance"/> (see <see cref="GenerationClock"/>).</param>
    public FakeDataset(int seed, FakeScale scale, DateTimeOffset anchor, TimeProvider? realClock = null)
    {
        (Seed, Scale, Anchor) = (seed, scale, anchor);
        AnchorUnix = anchor.ToUnixTimeSeconds();
        var step = (long)GenerationStep.TotalSeconds;
        Clock = new GenerationClock(AnchorUnix, step, realClock);
        var catalog = CatalogBuilder.Build(seed, scale, AnchorUnix);
        People = new PeopleGenerator(seed, Math.Max(1, scale.People), AnchorUnix, scale.ExtraAttributes);
        var deliveryTimeline = new Timeline(scale.Deliveries, AnchorUnix - scale.DeliveryHistoryDays * 86_400L, AnchorUnix - 60,
            Math.Max(1, scale.DeliveriesPerAdvance), Clock);
        Deliveries = new DeliveryGenerator(seed, deliveryTimeline, new DeliverySlots(seed, catalog), People, Clock);
        var activityTimeline = new Timeline(scale.Activities, AnchorUnix - ActivityHistoryDays * 86_400L, AnchorUnix - 30,
            Math.Max(1, scale.ActivitiesPerAdvance), Clock);
        Activities = new ActivityGenerator(seed, activityTimeline, People, AnchorUnix);
        Objects = new ObjectGenerator(seed, scale.ObjectsPerType, AnchorUnix);
        Suppressions = new SuppressionGenerator(seed, scale.SuppressionsPerType, AnchorUnix);
        _state = new DatasetState(0, catalog, null);
    }

    /// <summary>A pinned <see cref="FakeApiOptions.Anchor"/> gives fixed generation steps; the default anchor follows the
    /// real clock.</summary>
    public static FakeDataset Create(FakeApiOptions options) =>
        new(options.Seed, options.Scale, options.ResolveAnchor(), options.Anchor is null ? options.Time : null);

    public int Seed { get; }
    public FakeScale Scale { get; }
    public DateTimeOffset Anchor { get; }
    public long AnchorUnix { get; }

    /// <summary>Read once per request: the generation and catalog that belong together.</summary>
    public DatasetState State => _state;
    public int Generation => _state.Generation;
    public WorkspaceCatalog Catalog => _state.Catalog;
    /// <summary>What the last <see cref="Advance"/> changed; null in generation 0.</summary>
    public ChangeSet? LastChanges => _state.LastChanges;

    public PeopleGenerator People { get; }
    public DeliveryGenerator Deliveries { get; }
    public ActivityGenerator Activities { get; }
    public ObjectGenerator Objects { get; }
    public SuppressionGenerator Suppressions { get; }
    public GenerationClock Clock { get; }

    /// <summary>End of generation <paramref name="generation"/>: the dataset's "now".</summary>
    public long NowUnix(int generation) => Clock.End(generation);

    /// <summary>Start of the default delivery window when <c>start_ts</c> is absent: six months before the anchor.</summary>
    public long DefaultWindowStart => Anchor.AddMonths(-6).ToUnixTimeSeconds();

    public bool IsMember(Segment segment, long person) =>
        segment.Fraction > 0 && Hash.Unit(Hash.Of(Seed, Salt.Membership, segment.Id, person)) < segment.Fraction;

    /// <summary>Moves to generation g+1: a few small-list records get a newer <c>updated</c>, and new deliveries and
    /// activities appear, all inside the new generation's window. Returns (and remembers) exactly what changed.</summary>
    public ChangeSet Advance()
    {
        lock (_advanceGate)
        {
            var old = _state;
            var g = Clock.Append();
            var (catalog, changes) = CatalogAdvance.Apply(old.Catalog, Seed, g, Clock.Start(g), Clock.End(g));
            changes = changes with
            {
                NewDeliveryIds = [.. Range(Deliveries.Timeline.Count(g - 1), Deliveries.Timeline.Count(g)).Select(Deliveries.Id)],
                NewActivityIds = [.. Range(Activities.Timeline.Count(g - 1), Activities.Timeline.Count(g)).Select(Activities.Id)],
            };
            _state = new DatasetState(g, catalog, changes);
            return changes;
        }
    }

    private static IEnumerable<long> Range(long from, long to)
    {
        for (var i = from; i < to; i++)
        {
            yield return i;
        }
    }
}

/// <summary>A generation number with its catalog; swapped atomically by <see cref="FakeDataset.Advance"/>.</summary>
internal sealed record DatasetState(int Generation, WorkspaceCatalog Catalog, ChangeSet? LastChanges);
