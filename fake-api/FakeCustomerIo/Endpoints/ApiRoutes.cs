using FakeCustomerIo.Data;

namespace FakeCustomerIo.Endpoints;

/// <summary>Every /v1 route of the fake (each stream of docs/streams.md, plus a few single-object reads).</summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiOptions options)
    {
        CampaignEndpoints.Map(app, data);
        BroadcastEndpoints.Map(app, data);
        NewsletterEndpoints.Map(app, data);
        MessageEndpoints.Map(app, data, options);
        ActivityEndpoints.Map(app, data, options);
        CustomerEndpoints.Map(app, data, options);
        SegmentEndpoints.Map(app, data);
        ObjectEndpoints.Map(app, data);
        WorkspaceEndpoints.Map(app, data, options);
        SuppressionEndpoints.Map(app, data);
        MetricsEndpoints.Map(app, data, options);
    }
}
