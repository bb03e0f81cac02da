using FakeCustomerIo.Data.People;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Data.Activities;

/// <summary>
/// Activities in newest-first order, as /v1/activities returns them. Regular activity i (time non-decreasing in i)
/// has key i; the three deliberate future activities (timestamps after the anchor, which Airbyte-style taps must not
/// let move a bookmark) have keys <see cref="FutureBase"/> + j and always come first. A page cursor stores the key
/// to continue below, so cursors stay valid when <see cref="FakeDataset.Advance"/> appends newer activities.
/// </summary>
internal sealed class ActivityGenerator(long seed, Timeline timeline, PeopleGenerator people, long anchor)
{
    public const long FutureBase = 1L << 50;
    public const int FutureCount = 3;

    /// <summary>Activities listed only with <c>deleted=true</c> (keys <see cref="DeletedBase"/> + j): older than every other.</summary>
    public const long DeletedBase = 1L << 51;
    public const int DeletedCount = 5;
    private static readonly long[] FutureOffsets = [27 * 3600, 3 * 86_400, 40 * 86_400];
    private readonly AffinePermutation _persons = new(people.Count, Hash.Of(seed, Salt.Activity, -20));

    public Timeline Timeline => timeline;
    public PeopleGenerator People => people;
    public long Seed => seed;

    public static bool IsFuture(long key) => key >= FutureBase && key < DeletedBase;

    public static bool IsDeleted(long key) => key >= DeletedBase;

    public long TimeOf(long key) => IsDeleted(key) ? timeline.TimeOf(0) - (key - DeletedBase + 1) * 86_400
        : IsFuture(key) ? anchor + FutureOffsets[key - FutureBase] : timeline.TimeOf(key);

    public long PersonOf(long key) => _persons.Apply((IsDeleted(key) ? key - DeletedBase : IsFuture(key) ? key - FutureBase : key) % people.Count);

    /// <summary>Regular activities of one person (future ones are checked separately in <see cref="Next"/>).</summary>
    public Progression OfPerson(long person) => new(people.Count, [_persons.Invert(person)]);

    /// <summary>The next key strictly below <paramref name="pos"/> in newest-first order, or -1 at the end.</summary>
    public long Next(long pos, int generation, Progression set)
    {
        if (pos > FutureBase)
        {
            for (var j = Math.Min(pos - FutureBase - 1, FutureCount - 1); j >= 0; j--)
            {
                if (set.CountIn(j, j + 1) == 1)
                {
                    return FutureBase + j;
                }
            }

            pos = timeline.Count(generation);
        }
        return set.Below(Math.Min(pos, timeline.Count(generation)));
    }

    public string Id(long key) => Ids.Activity(seed, key, TimeOf(key));

    /// <summary>All keys newest first (for expectations in tests).</summary>
    public IEnumerable<long> Keys(int generation)
    {
        for (var k = Next(long.MaxValue, generation, Progression.All); k >= 0; k = Next(k, generation, Progression.All))
        {
            yield return k;
        }
    }
}
