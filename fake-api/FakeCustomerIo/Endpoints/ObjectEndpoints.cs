using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class ObjectEndpoints
{
    public const int MaxSearchLimit = 1000;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/object_types", ctx => ListPage.WriteAllAsync(ctx, "types", data.Catalog.ObjectTypes));
        Routes.Post(app, "/v1/objects", ctx => SearchAsync(ctx, data));
        Routes.Get(app, "/v1/objects/{type_id}/{object_id}/attributes", ctx =>
        {
            var type = data.Catalog.ObjectType(QueryParams.Route(ctx, "type_id")) ?? throw ApiException.NotFound("object type");
            var objectId = QueryParams.Route(ctx, "object_id");
            if (!data.Objects.TryFind(type, objectId, out var j))
            {
                throw ApiException.NotFound($"object {objectId}");
            }

            return JsonResponse.WriteAsync(ctx, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("object");
                data.Objects.WriteObject(w, type, j);
                w.WriteEndObject();
            });
        });
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
