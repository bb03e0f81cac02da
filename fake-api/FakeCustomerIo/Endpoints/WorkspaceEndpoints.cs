using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Model;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

/// <summary>The unpaginated workspace lists, transactional templates and sender identities.</summary>
internal static class WorkspaceEndpoints
{
    public const int MaxSenderLimit = 100;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiOptions options)
    {
        Routes.Get(app, "/v1/collections", ctx => ListPage.WriteAllAsync(ctx, "collections", data.Catalog.Collections));
        Routes.Get(app, "/v1/exports", ctx => ListPage.WriteAllAsync(ctx, "exports", data.Catalog.Exports));
        Routes.Get(app, "/v1/snippets", ctx => ListPage.WriteAllAsync(ctx, "snippets", data.Catalog.Snippets));
        Routes.Get(app, "/v1/reporting_webhooks", ctx => ListPage.WriteAllAsync(ctx, "reporting_webhooks", data.Catalog.ReportingWebhooks));
        Routes.Get(app, "/v1/subscription_topics", ctx => ListPage.WriteAllAsync(ctx, "topics", data.Catalog.Topics));
        Routes.Get(app, "/v1/subscription_channels", ctx => ListPage.WriteAllAsync(ctx, "channels", data.Catalog.Channels));
        Routes.Get(app, "/v1/info/ip_addresses", ctx => ListPage.WriteAllAsync(ctx, "ip_addresses", data.Catalog.IpAddresses));
        // Quirk: the envelope of the transactional templates is "messages".
        Routes.Get(app, "/v1/transactional", ctx => ListPage.WriteAllAsync(ctx, "messages", data.Catalog.Transactional));
        Routes.Get(app, "/v1/transactional/{id}/contents", ctx =>
            ListPage.WriteAllAsync(ctx, "contents", Lookup.Transactional(ctx, data.State).Contents));
        Routes.Get(app, "/v1/workspaces", ctx => ListPage.WriteAllAsync(ctx, "workspaces", Workspaces(data)));
        Routes.Get(app, "/v1/sender_identities", ctx =>
        {
            // Quirk: hidden=false or absent lists only visible senders; hidden=true only hidden ones, or hidden and visible
            // ones with HiddenSendersIncludeVisible (the published definition's reading).
            var hidden = QueryParams.Bool(ctx.Request, "hidden") ?? false;
            var limit = QueryParams.Limit(ctx.Request, MaxSenderLimit, 10);
            var senders = data.Catalog.SenderIdentities.Where(s => s.Hidden == hidden || (hidden && options.HiddenSendersIncludeVisible)).ToList();
            return ListPage.WriteAsync(ctx, "sender_identities", ListPage.Sorted(ctx, senders), limit, NextStyle.Absent);
        });
    }

    private static List<WorkspaceInfo> Workspaces(FakeDataset data)
    {
        var deliveries = data.Deliveries.Timeline.Count(data.Generation);
        var objects = (long)data.Catalog.ObjectTypes.Count * data.Objects.PerType;
        return [new WorkspaceInfo(1, "Fake Workspace", deliveries, deliveries * 9 / 10, data.People.Count, data.Catalog.ObjectTypes.Count, objects)];
    }
}
