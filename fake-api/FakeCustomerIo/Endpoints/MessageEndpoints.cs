using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Deliveries;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class MessageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiOptions options)
    {
        var slots = data.Deliveries.Slots;
        Routes.Get(app, "/v1/messages", ctx => DeliveryList.WriteAsync(ctx, data, Progression.All));
        Routes.Get(app, "/v1/campaigns/{id}/messages", ctx =>
        {
            var c = Lookup.Campaign(ctx, data.State);
            return DeliveryList.WriteAsync(ctx, data, slots.Of(ParentKind.Campaign, c.Id), notBefore: c.Created);
        });
        Routes.Get(app, "/v1/broadcasts/{id}/messages", ctx =>
        {
            var b = Lookup.Broadcast(ctx, data.State);
            return DeliveryList.WriteAsync(ctx, data, slots.Of(ParentKind.Broadcast, b.Id), notBefore: b.Created);
        });
        Routes.Get(app, "/v1/newsletters/{id}/messages", ctx =>
        {
            var n = Lookup.Newsletter(ctx, data.State);
            return DeliveryList.WriteAsync(ctx, data, slots.Of(ParentKind.Newsletter, n.Id), notBefore: n.Created);
        });
        var transactionalIdentifiers = DeliveryWriter.IdentifiersName(options.TransactionalIdentifiers);
        Routes.Get(app, "/v1/transactional/{id}/messages", ctx =>
        {
            var t = Lookup.Transactional(ctx, data.State);
            return DeliveryList.WriteAsync(ctx, data, slots.Of(ParentKind.Transactional, t.Id), identifiers: transactionalIdentifiers,
                notBefore: t.CreatedAt);
        });
        // Without start_ts/end_ts, like every delivery list, the last six months only (DeliveryList.Window).
        Routes.Get(app, "/v1/customers/{id}/messages", ctx =>
        {
            var p = Lookup.Person(ctx, data);
            return DeliveryList.WriteAsync(ctx, data, data.Deliveries.OfPerson(p), skipForgotten: true, notBefore: data.People.CreatedAt(p));
        });
    }
}
