using System.Globalization;
using System.Text.Json;
using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Objects;

/// <summary>
/// Objects (companies, accounts…) of each type, computed per index; object ids are "company-0007"-style strings, and
/// relationships of person p are a pure function of p.
/// </summary>
internal sealed class ObjectGenerator(long seed, int perType, long anchor)
{
    public int PerType => perType;

    public string ObjectId(ObjectType type, long j) => $"{type.SingularSlug}-{(j + 1).ToString("D4", CultureInfo.InvariantCulture)}";

    public string CioObjectId(ObjectType type, long j) =>
        Ids.Hex(Hash.Mix(((ulong)long.Parse(type.Id, CultureInfo.InvariantCulture) << 40) ^ (ulong)j ^ (ulong)seed), 14);

    public bool TryFind(ObjectType type, string objectId, out long j)
    {
        j = -1;
        var prefix = type.SingularSlug + "-";
        if (!objectId.StartsWith(prefix, StringComparison.Ordinal)
            || !long.TryParse(objectId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < 1 || n > perType || ObjectId(type, n - 1) != objectId)
        {
            return false;
        }

        j = n - 1;
        return true;
    }

    public bool TryFindByCioObjectId(ObjectType type, string cioObjectId, out long j)
    {
        for (j = 0; j < perType; j++)
        {
            if (CioObjectId(type, j) == cioObjectId)
            {
                return true;
            }
        }

        j = -1;
        return false;
    }

    public void WriteIdentifiers(Utf8JsonWriter w, ObjectType type, long j)
    {
        w.WriteStartObject();
        w.WriteString("object_type_id", type.Id);
        w.WriteString("object_id", ObjectId(type, j));
        w.WriteString("cio_object_id", CioObjectId(type, j));
        w.WriteEndObject();
    }

    /// <summary>Attribute values are strings, as for people.</summary>
    public void WriteObject(Utf8JsonWriter w, ObjectType type, long j)
    {
        var h = Hash.Of(seed, Salt.Object, long.Parse(type.Id, CultureInfo.InvariantCulture), j);
        var created = Created(type, j);
        w.WriteStartObject();
        w.WritePropertyName("identifiers");
        WriteIdentifiers(w, type, j);
        w.WriteStartObject("attributes");
        w.WriteString("name", $"{Hash.Pick(h, Words.Companies)} {j + 1}");
        w.WriteString("plan", Hash.Pick(h >> 8, Words.Plans));
        w.WriteString("seats", ((h >> 16) % 500 + 1).ToString(CultureInfo.InvariantCulture));
        w.WriteString("created_at", created.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteStartObject("timestamps");
        foreach (var name in (string[])["name", "plan", "seats", "created_at"])
        {
            w.WriteNumber(name, created);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>When object j was created (Unix seconds), within 400 days before the anchor.</summary>
    public long Created(ObjectType type, long j) =>
        anchor - 86_400 - (long)(Hash.Of(seed, Salt.Object, long.Parse(type.Id, CultureInfo.InvariantCulture), j) % (400UL * 86_400));


    /// <summary>Every <see cref="HubEvery"/>th person also belongs to the first object of the first type: one large
    /// account whose relationships take several pages (a few hundred people at the Small scale).</summary>
    public const int HubEvery = 10;

    /// <summary>The first type's last object: listed by the search, but its attributes and relationships answer 404
    /// (deleted mid-sync). Null with fewer than two objects per type.</summary>
    public (string TypeId, long Index)? Deleted => perType >= 2 ? ("1", perType - 1) : null;

    public bool IsDeleted(ObjectType type, long j) => Deleted is { } d && d.TypeId == type.Id && d.Index == j;

    /// <summary>Person p is related to 0–3 objects, and every <see cref="HubEvery"/>th person to the hub object too.</summary>
    public IReadOnlyList<(ObjectType Type, long Index, string Role)> RelationshipsOf(long person, IReadOnlyList<ObjectType> types)
    {
        if (types.Count == 0 || perType == 0)
        {
            return [];
        }

        var h = Hash.Of(seed, Salt.Relationship, person);
        var count = (int)(h % 4);
        var list = new List<(ObjectType, long, string)>(count + 1);
        for (var k = 0; k < count; k++)
        {
            var hk = Hash.Mix(h + (ulong)k);
            var item = (types[(int)(hk % (ulong)types.Count)], (long)((hk >> 8) % (ulong)perType), k == 0 ? "owner" : "member");
            if (!list.Exists(x => x.Item1 == item.Item1 && x.Item2 == item.Item2))
            {
                list.Add(item);
            }
        }
        if (person % HubEvery == 0 && !list.Exists(x => x.Item1 == types[0] && x.Item2 == 0))
        {
            list.Add((types[0], 0, "member"));
        }

        return list;
    }
}
