using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class BroadcastEndpoints
{
    public const int MaxActionsLimit = 100;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/broadcasts", ctx => ListPage.WriteAllAsync(ctx, "broadcasts", data.Catalog.Broadcasts));
        Routes.Get(app, "/v1/broadcasts/{id}", ctx => ListPage.WriteObjectAsync(ctx, "broadcast", Lookup.Broadcast(ctx, data.State)));
        Routes.Get(app, "/v1/broadcasts/{id}/actions", ctx =>
        {
            var broadcast = Lookup.Broadcast(ctx, data.State);
            var limit = QueryParams.Limit(ctx.Request, MaxActionsLimit, 10);
            return ListPage.WriteAsync(ctx, "actions", broadcast.ActionDetails, limit, NextStyle.Absent);
        });
        Routes.Get(app, "/v1/broadcasts/{id}/actions/{action_id}", ctx =>
            ListPage.WriteObjectAsync(ctx, "action", Lookup.BroadcastAction(ctx, data.State)));
        Routes.Get(app, "/v1/broadcasts/{id}/triggers", ctx =>
            ListPage.WriteAllAsync(ctx, "triggers", Lookup.Broadcast(ctx, data.State).Triggers));
    }
}
