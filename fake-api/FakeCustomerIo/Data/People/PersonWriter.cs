using System.Text.Json;

namespace FakeCustomerIo.Data.People;

/// <summary>Writes the person object of the attributes endpoints: id, identifiers, attributes, timestamps, devices.</summary>
internal static class PersonWriter
{
    private static readonly string[] Platforms = ["ios", "android"];

    public static void WriteIdentifiers(Utf8JsonWriter w, PeopleGenerator people, long p)
    {
        w.WriteStartObject();
        w.WriteString("id", people.Id(p));
        w.WriteString("email", people.Email(p));
        w.WriteString("cio_id", people.CioId(p));
        w.WriteEndObject();
    }

    public static void WritePerson(Utf8JsonWriter w, PeopleGenerator people, long seed, long p)
    {
        w.WriteStartObject();
        w.WriteString("id", people.Id(p));
        w.WritePropertyName("identifiers");
        WriteIdentifiers(w, people, p);
        w.WriteStartObject("attributes");
        foreach (var name in people.AttributeNames(p))
        {
            w.WriteString(name, people.Attribute(p, name));
        }

        w.WriteEndObject();
        w.WriteStartObject("timestamps");
        foreach (var name in people.AttributeNames(p))
        {
            w.WriteNumber(name, people.AttributeTimestamp(p, name));
        }

        w.WriteEndObject();
        w.WriteBoolean("unsubscribed", people.Unsubscribed(p));
        w.WriteStartArray("devices");
        var devices = (int)(Hash.Of(seed, Salt.PersonDevice, p) % 3);
        for (var k = 0; k < devices; k++)
        {
            var h = Hash.Of(seed, Salt.PersonDevice, p, k);
            w.WriteStartObject();
            w.WriteString("id", Ids.Hex(h, 16) + Ids.Hex(Hash.Mix(h), 16));
            w.WriteString("platform", Hash.Pick(h, Platforms));
            w.WriteNumber("last_used", people.AttributeTimestamp(p, $"device{k}"));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
