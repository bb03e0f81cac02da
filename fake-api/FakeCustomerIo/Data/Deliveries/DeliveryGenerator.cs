using FakeCustomerIo.Data.People;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Data.Deliveries;

/// <summary>The computable facts of delivery i; strings are formatted only when written.</summary>
internal readonly record struct DeliveryFacts(long Index, long Created, DeliveryParent? Parent, long ChildId, string Type,
    long Person, bool Forgotten, DeliveryMetrics Metrics);

/// <summary>
/// Deliveries are a pure function of (seed, index): index order is creation order (see <see cref="Timeline"/>), the
/// parent comes from <see cref="DeliverySlots"/>, the person from a seeded permutation of i mod people, so the
/// deliveries of one person are also a residue class.
/// </summary>
internal sealed class DeliveryGenerator
{
    private readonly long _seed;
    private readonly GenerationClock _clock;
    private readonly AffinePermutation _persons;

    public DeliveryGenerator(long seed, Timeline timeline, DeliverySlots slots, PeopleGenerator people, GenerationClock clock)
    {
        (_seed, _clock) = (seed, clock);
        (Timeline, Slots, People) = (timeline, slots, people);
        _persons = new AffinePermutation(people.Count, Hash.Of(seed, Salt.Delivery, -20));
    }

    public Timeline Timeline { get; }
    public DeliverySlots Slots { get; }
    public PeopleGenerator People { get; }
    public long Seed => _seed;

    public DeliveryFacts Facts(long i)
    {
        var parent = Slots.ParentOf(i);
        var created = Timeline.TimeOf(i);
        var round = i / Slots.Modulus;
        var child = parent is null || parent.ChildIds.Length == 0 ? -1 : (int)(round % parent.ChildIds.Length);
        var type = child < 0 ? "email" : parent!.ChildTypes[child];
        var h = Hash.Of(_seed, Salt.DeliveryMetric, i);
        var cap = _clock.End(Timeline.GenerationOf(i));
        return new DeliveryFacts(i, created, parent, child < 0 ? -1 : parent!.ChildIds[child], type,
            _persons.Apply(i % People.Count), h % 50 == 7, new DeliveryMetrics(h, type, created, cap));
    }

    public Progression OfPerson(long person) => new(People.Count, [_persons.Invert(person)]);

    public string Id(long i) => Ids.Delivery(_seed, i);
}
