using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Objects;
using FakeCustomerIo.Data.People;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static partial class CustomerEndpoints
{
    /// <summary>
    /// Batch attributes. Quirks: unknown ids are silently left out (still 200), and every 7th item of the response is
    /// wrapped as <c>{"customer":{…}}</c> (the spec's shape) while the others are bare (the live shape).
    /// </summary>
    private static async Task AttributesAsync(HttpContext ctx, FakeDataset data)
    {
        var idType = QueryParams.String(ctx.Request, "id_type") ?? "id";
        if (idType is "email" or "phone")
        {
            throw ApiException.BadRequest($"id_type {idType} is not enabled as an identifier in this workspace");
        }

        if (idType is not ("id" or "cio_id"))
        {
            throw ApiException.BadRequest("id_type must be one of id, email, phone, cio_id");
        }

        var body = await RequestBody.ObjectAsync(ctx);
        if (!body.TryGetProperty("ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("ids is required");
        }

        var count = ids.GetArrayLength();
        if (count is < 1 or > MaxAttributeIds)
        {
            throw ApiException.BadRequest($"ids must hold between 1 and {MaxAttributeIds} values");
        }

        var found = new List<long>(count);
        foreach (var id in ids.EnumerateArray())
        {
            var text = id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : id.GetRawText();
            if (data.People.TryResolve(idType, text, out var p))
            {
                found.Add(p);
            }
        }
        await JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("customers");
            for (var k = 0; k < found.Count; k++)
            {
                var wrap = k % 7 == 6;
                if (wrap) { w.WriteStartObject(); w.WritePropertyName("customer"); }
                PersonWriter.WritePerson(w, data.People, data.Seed, found[k]);
                if (wrap)
                {
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, data.Scale.EscapeNonAsciiPeople);
    }

    /// <summary>Relationships of a person, in the shape <see cref="FakeApiOptions.Relationships"/> selects.</summary>
    private static Task RelationshipsAsync(HttpContext ctx, FakeDataset data, RelationshipShape shape)
    {
        var p = Lookup.Person(ctx, data);
        var limit = QueryParams.Limit(ctx.Request, 100, 10);
        var relations = data.Objects.RelationshipsOf(p, data.Catalog.ObjectTypes);
        var style = shape == RelationshipShape.Documented ? NextStyle.EmptyString : NextStyle.Absent;
        return ListPage.WriteAsync(ctx, "cio_relationships", relations, limit, style,
            (w, r) => RelationshipWriter.Write(w, data.Objects, r, shape));
    }
}
