using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class SegmentEndpoints
{
    public const int MaxMembershipLimit = 30_000;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/segments", ctx => ListPage.WriteAllAsync(ctx, "segments", data.Catalog.Segments));
        Routes.Get(app, "/v1/segments/{id}/membership", ctx => MembershipAsync(ctx, data));
        Routes.Get(app, "/v1/segments/{id}/customer_count", ctx =>
        {
            var segment = Lookup.Segment(ctx, data.State);
            var count = 0L;
            for (var p = 0L; p < data.People.Count; p++)
            {
                if (data.IsMember(segment, p))
                {
                    count++;
                }
            }

            return JsonResponse.WriteAsync(ctx, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", count);
                w.WriteNumber("segment_id", segment.Id);
                w.WriteEndObject();
            });
        });
        Routes.Get(app, "/v1/segments/{id}/used_by", ctx =>
        {
            var segment = Lookup.Segment(ctx, data.State);
            var catalog = data.Catalog;
            var newsletters = catalog.Newsletters.Where(n => n.RecipientSegmentIds.Contains(segment.Id)).ToList();
            return ListPage.WriteObjectAsync(ctx, "used_by", new
            {
                campaigns = catalog.Campaigns.Where(c => c.TriggerSegmentIds.Contains(segment.Id) || c.FilterSegmentIds.Contains(segment.Id)).Select(c => c.Id),
                sent_newsletters = newsletters.Where(n => n.SendState == "sent").Select(n => n.Id),
                draft_newsletters = newsletters.Where(n => n.SendState != "sent").Select(n => n.Id),
            });
        });
    }

    /// <summary>
    /// Membership in person order. Quirks: every page after the first starts again with the previous page's last
    /// member (duplicates across pages: de-duplicate by cio_id); the empty segment answers
    /// <c>identifiers: null, ids: null, next: ""</c>.
    /// </summary>
    private static Task MembershipAsync(HttpContext ctx, FakeDataset data)
    {
        var segment = Lookup.Segment(ctx, data.State);
        var limit = QueryParams.Limit(ctx.Request, MaxMembershipLimit, 1_000);
        var fingerprint = Fingerprint.Of(ctx.Request);
        var p = Cursor.Start(ctx.Request, fingerprint) ?? 0;
        var count = data.People.Count;
        var page = new List<long>(Math.Min(limit, 4096));
        for (; p < count && page.Count < limit; p++)
        {
            if (data.IsMember(segment, p))
            {
                page.Add(p);
            }
        }

        var more = false;
        for (var q = p; q < count && !more; q++)
        {
            more = data.IsMember(segment, q);
        }

        string? next = null;
        if (more)
        {
            next = Cursor.Encode(page.Count >= 2 ? page[^1] : p, fingerprint);
        }

        return CustomerEndpoints.WriteIdentifiersAsync(ctx, data.People, page, next);
    }
}
