using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class NewsletterEndpoints
{
    public const int MaxLimit = 100;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/newsletters", ctx =>
        {
            var limit = QueryParams.Limit(ctx.Request, MaxLimit, 10);
            return ListPage.WriteAsync(ctx, "newsletters", ListPage.Sorted(ctx, data.Catalog.Newsletters), limit, NextStyle.Absent);
        });
        Routes.Get(app, "/v1/newsletters/{id}/contents", ctx =>
            ListPage.WriteAllAsync(ctx, "contents", Lookup.Newsletter(ctx, data.State).Contents));
        Routes.Get(app, "/v1/newsletters/{id}/test_groups", ctx =>
            ListPage.WriteAllAsync(ctx, "test_groups", Lookup.Newsletter(ctx, data.State).TestGroups));
    }
}
