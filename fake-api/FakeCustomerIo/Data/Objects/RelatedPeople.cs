using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Objects;

/// <summary>
/// The people related to each object: the inverse of <see cref="ObjectGenerator.RelationshipsOf"/>, so both sides of a
/// relationship agree. Built once on first use by one pass over the people (object types never change).
/// </summary>
internal sealed class RelatedPeople
{
    private readonly Dictionary<(string TypeId, long Index), List<long>> _people = [];

    public RelatedPeople(ObjectGenerator objects, long peopleCount, IReadOnlyList<ObjectType> types)
    {
        for (var p = 0L; p < peopleCount; p++)
        {
            foreach (var (type, index, _) in objects.RelationshipsOf(p, types))
            {
                if (!_people.TryGetValue((type.Id, index), out var list))
                {
                    _people[(type.Id, index)] = list = [];
                }

                list.Add(p);
            }
        }
    }

    /// <summary>The people related to object j of the type, in person order.</summary>
    public IReadOnlyList<long> Of(ObjectType type, long j) => _people.TryGetValue((type.Id, j), out var list) ? list : [];
}
