using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Suppressions;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;

namespace FakeCustomerIo.Endpoints;

/// <summary>
/// ESP suppressions by type with <c>limit</c> (≤ 1000) + <c>offset</c>. Quirks: past the end (or an empty list) the
/// answer is <c>{"suppressions": null}</c> without <c>category</c>; <c>domain</c> selects a different, smaller list.
/// </summary>
internal static class SuppressionEndpoints
{
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/esp/suppression/{type}", ctx =>
        {
            var type = QueryParams.Route(ctx, "type");
            if (Array.IndexOf(SuppressionGenerator.Types, type) < 0)
            {
                throw ApiException.NotFound($"suppression type {type}");
            }

            var limit = QueryParams.Limit(ctx.Request, MaxLimit, MaxLimit);
            var offset = QueryParams.Long(ctx.Request, "offset") ?? 0;
            if (offset < 0)
            {
                throw ApiException.BadRequest("offset must not be negative");
            }

            var domain = QueryParams.String(ctx.Request, "domain");
            var total = data.Suppressions.Count(type, domain);
            var end = (int)Math.Min(total, offset + limit);
            return JsonResponse.WriteAsync(ctx, w =>
            {
                w.WriteStartObject();
                if (offset >= end)
                {
                    w.WriteNull("suppressions");
                }
                else
                {
                    w.WriteString("category", type);
                    w.WriteStartArray("suppressions");
                    for (var j = (int)offset; j < end; j++)
                    {
                        data.Suppressions.Write(w, type, domain, j);
                    }

                    w.WriteEndArray();
                }
                w.WriteEndObject();
            });
        });
    }
}
