using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Model;
using FakeCustomerIo.Data.People;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class ObjectEndpoints
{
    public const int MaxSearchLimit = 1000;
    public const int MaxRelationshipsLimit = 100;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/object_types", ctx => ListPage.WriteAllAsync(ctx, "types", data.Catalog.ObjectTypes));
        Routes.Post(app, "/v1/objects", ctx => SearchAsync(ctx, data));
        Routes.Get(app, "/v1/objects/{type_id}/{object_id}/attributes", ctx =>
        {
            var (type, j) = FindObject(ctx, data);
            return JsonResponse.WriteAsync(ctx, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("object");
                data.Objects.WriteObject(w, type, j);
                w.WriteEndObject();
            });
        });
        Routes.Get(app, "/v1/objects/{type_id}/{object_id}/relationships", ctx => RelationshipsAsync(ctx, data));
    }

    /// <summary>The people related to one object, cursor-paged; <c>next</c> is "" on the last page. Items are the
    /// spec's: the person's identifiers, the object's type id (a string here) and whether the type is disabled.</summary>
    private static Task RelationshipsAsync(HttpContext ctx, FakeDataset data)
    {
        var (type, j) = FindObject(ctx, data);
        var limit = QueryParams.Limit(ctx.Request, MaxRelationshipsLimit, 10);
        return ListPage.WriteAsync(ctx, "cio_relationships", data.RelatedPeople.Of(type, j), limit, NextStyle.EmptyString, (w, p) =>
        {
            w.WriteStartObject();
            w.WritePropertyName("identifiers");
            PersonWriter.WriteIdentifiers(w, data.People, p);
            w.WriteString("object_type_id", type.Id);
            w.WriteBoolean("object_type_disabled", false);
            w.WriteEndObject();
        });
    }

    /// <summary>The object of the route by <c>id_type</c> (object_id, the default, or cio_object_id); the deleted one
    /// and unknown ones answer 404.</summary>
    private static (ObjectType Type, long Index) FindObject(HttpContext ctx, FakeDataset data)
    {
        var type = data.Catalog.ObjectType(QueryParams.Route(ctx, "type_id")) ?? throw ApiException.NotFound("object type");
        var objectId = QueryParams.Route(ctx, "object_id");
        var byCioObjectId = QueryParams.String(ctx.Request, "id_type") switch
        {
            null or "" or "object_id" => false,
            "cio_object_id" => true,
            _ => throw ApiException.BadRequest("id_type must be object_id or cio_object_id"),
        };
        var found = byCioObjectId ? data.Objects.TryFindByCioObjectId(type, objectId, out var j) : data.Objects.TryFind(type, objectId, out j);
        return found && !data.Objects.IsDeleted(type, j) ? (type, j) : throw ApiException.NotFound($"object {objectId}");
    }

    /// <summary>Both <c>object_type_id</c> and <c>filter</c> are required (400 otherwise); the filter matches every
    /// object of the type. An unknown type has no objects.</summary>
    private static async Task SearchAsync(HttpContext ctx, FakeDataset data)
    {
        var body = await RequestBody.ObjectAsync(ctx);
        if (!body.TryGetProperty("object_type_id", out var typeId) || typeId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            throw ApiException.BadRequest("object_type_id is required");
        }

        if (!body.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("filter is required");
        }

        var limit = QueryParams.Limit(ctx.Request, MaxSearchLimit, 50);
        var fingerprint = Fingerprint.Of(ctx.Request, RequestBody.Canonical(body));
        var type = data.Catalog.ObjectType(typeId.ValueKind == JsonValueKind.String ? typeId.GetString()! : typeId.GetRawText());
        var total = type is null ? 0 : data.Objects.PerType;
        var from = Cursor.Start(ctx.Request, fingerprint) ?? 0;
        var to = Math.Min(total, from + limit);
        await JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            if (from >= to)
            {
                w.WriteNull("identifiers");
                w.WriteNull("ids");
            }
            else
            {
                w.WriteStartArray("identifiers");
                for (var j = from; j < to; j++)
                {
                    data.Objects.WriteIdentifiers(w, type!, j);
                }

                w.WriteEndArray();
                w.WriteStartArray("ids");
                for (var j = from; j < to; j++)
                {
                    w.WriteStringValue(data.Objects.ObjectId(type!, j));
                }

                w.WriteEndArray();
            }
            NextWriter.Write(w, to < total ? Cursor.Encode(to, fingerprint) : null, NextStyle.EmptyString);
            w.WriteEndObject();
        });
    }
}
