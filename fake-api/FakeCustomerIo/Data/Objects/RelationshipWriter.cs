using System.Globalization;
using System.Text.Json;
using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Objects;

/// <summary>One item of <c>cio_relationships</c>, in either <see cref="RelationshipShape"/>.</summary>
internal static class RelationshipWriter
{
    public static void Write(Utf8JsonWriter w, ObjectGenerator objects, (ObjectType Type, long Index, string Role) r, RelationshipShape shape)
    {
        w.WriteStartObject();
        if (shape == RelationshipShape.Legacy)
        {
            w.WritePropertyName("identifiers");
            objects.WriteIdentifiers(w, r.Type, r.Index);
            w.WriteStartObject("relationship_attributes");
            w.WriteString("role", r.Role);
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartObject("identifiers");
            w.WriteString("object_id", objects.ObjectId(r.Type, r.Index));
            w.WriteString("cio_object_id", objects.CioObjectId(r.Type, r.Index));
            w.WriteEndObject();
            // An integer here, while /v1/object_types and the objects search carry the type id as a string.
            w.WriteNumber("object_type_id", long.Parse(r.Type.Id, CultureInfo.InvariantCulture));
            w.WriteStartObject("attributes");
            w.WriteString("role", r.Role);
            w.WriteEndObject();
            w.WriteStartObject("timestamps");
            w.WriteNumber("role", Since(objects, r));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>When the relationship's <c>role</c> was set: an hour after the object was created.</summary>
    public static long Since(ObjectGenerator objects, (ObjectType Type, long Index, string Role) r) => objects.Created(r.Type, r.Index) + 3600;
}
