using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class CampaignEndpoints
{
    /// <summary>Campaign actions come 10 a page, always; a <c>limit</c> parameter is ignored.</summary>
    public const int ActionsPerPage = 10;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/campaigns", ctx => ListPage.WriteAllAsync(ctx, "campaigns", data.Catalog.Campaigns));
        Routes.Get(app, "/v1/campaigns/{id}/actions", ctx =>
            ListPage.WriteAsync(ctx, "actions", Lookup.Campaign(ctx, data.State).ActionDetails, ActionsPerPage, NextStyle.EmptyString));
    }
}
