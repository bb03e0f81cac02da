using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Data.People;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static partial class CustomerEndpoints
{
    public const int MaxSearchLimit = 1000;
    public const int MaxAttributeIds = 100;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiOptions options)
    {
        Routes.Post(app, "/v1/customers", ctx => SearchAsync(ctx, data));
        Routes.Post(app, "/v1/customers/attributes", ctx => AttributesAsync(ctx, data));
        Routes.Get(app, "/v1/customers/{id}/segments", ctx =>
        {
            var p = Lookup.Person(ctx, data);
            var catalog = data.Catalog;
            return ListPage.WriteAllAsync(ctx, "segments",
                catalog.Segments.Where(s => s.Id != catalog.DeletedSegmentId && data.IsMember(s, p)));
        });
        Routes.Get(app, "/v1/customers/{id}/relationships", ctx => RelationshipsAsync(ctx, data, options.Relationships));
    }

    /// <summary>
    /// People search: cursor in the query, filter in the body (required). No hits at all answers
    /// <c>identifiers: null, ids: null, next: ""</c>; <c>ids</c> holds "" for people without an <c>id</c>.
    /// </summary>
    private static async Task SearchAsync(HttpContext ctx, FakeDataset data)
    {
        var body = await RequestBody.ObjectAsync(ctx);
        if (!body.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("filter is required");
        }

        var limit = QueryParams.Limit(ctx.Request, MaxSearchLimit, 50);
        var fingerprint = Fingerprint.Of(ctx.Request, RequestBody.Canonical(filter));
        var predicate = PeopleFilter.Compile(filter, data, data.State);
        var p = Cursor.Start(ctx.Request, fingerprint) ?? 0;
        var matches = new List<long>(Math.Min(limit, 1024));
        for (; p < data.People.Count && matches.Count < limit; p++)
        {
            if (predicate(p))
            {
                matches.Add(p);
            }
        }

        await WriteIdentifiersAsync(ctx, data.People, matches, p < data.People.Count ? Cursor.Encode(p, fingerprint) : null);
    }

    /// <summary><c>{"identifiers":[{id,email,cio_id}], "ids":[…], "next":…}</c>, with nulls for an empty page.</summary>
    internal static async Task WriteIdentifiersAsync(HttpContext ctx, PeopleGenerator people, IReadOnlyList<long> page, string? next)
    {
        await using var json = JsonResponse.Start(ctx);
        var w = json.Writer;
        w.WriteStartObject();
        if (page.Count == 0)
        {
            w.WriteNull("identifiers");
            w.WriteNull("ids");
        }
        else
        {
            w.WriteStartArray("identifiers");
            foreach (var p in page)
            {
                PersonWriter.WriteIdentifiers(w, people, p);
                await json.FlushIfFullAsync();
            }
            w.WriteEndArray();
            w.WriteStartArray("ids");
            foreach (var p in page)
            {
                w.WriteStringValue(people.Id(p) ?? "");
            }

            w.WriteEndArray();
        }
        NextWriter.Write(w, next, NextStyle.EmptyString);
        w.WriteEndObject();
    }
}
