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
        var created = anchor - 86_400 - (long)(h % (400UL * 86_400));
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

    /// <summary>Person p is related to 0–3 objects.</summary>
    public IReadOnlyList<(ObjectType Type, long Index, string Role)> RelationshipsOf(long person, IReadOnlyList<ObjectType> types)
    {
        if (types.Count == 0 || perType == 0)
        {
            return [];
        }

        var h = Hash.Of(seed, Salt.Relationship, person);
        var count = (int)(h % 4);
        var list = new List<(ObjectType, long, string)>(count);
        for (var k = 0; k < count; k++)
        {
            var hk = Hash.Mix(h + (ulong)k);
            var item = (types[(int)(hk % (ulong)types.Count)], (long)((hk >> 8) % (ulong)perType), k == 0 ? "owner" : "member");
            if (!list.Exists(x => x.Item1 == item.Item1 && x.Item2 == item.Item2))
            {
                list.Add(item);
            }
        }
        return list;
    }
}
