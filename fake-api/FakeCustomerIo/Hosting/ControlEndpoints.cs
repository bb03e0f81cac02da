using FakeCustomerIo.Data;
using FakeCustomerIo.Endpoints;
using FakeCustomerIo.Pipeline;
using FakeCustomerIo.Stats;

namespace FakeCustomerIo.Hosting;

/// <summary>
/// Test and demo controls outside /v1 (no auth, not counted in the stats):
/// GET /_fake/stats, POST /_fake/stats/reset (counters and fault attempt memory), POST /_fake/advance (returns the
/// <see cref="ChangeSet"/>).
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiStats stats, FaultSchedule faults)
    {
        app.MapGet("/_fake/stats", ctx => ListPage.WriteValueAsync(ctx, stats.Snapshot()));
        app.MapPost("/_fake/stats/reset", ctx =>
        {
            stats.Reset();
            faults.Reset();
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapPost("/_fake/advance", ctx => ListPage.WriteValueAsync(ctx, data.Advance()));
        app.MapGet("/_fake/info", ctx => ListPage.WriteValueAsync(ctx, new
        {
            seed = data.Seed,
            generation = data.Generation,
            anchor = data.Anchor,
            now = data.NowUnix(data.Generation),
            deleted_campaign_id = data.Catalog.DeletedCampaignId,
            deleted_segment_id = data.Catalog.DeletedSegmentId,
            empty_segment_id = data.Catalog.EmptySegmentId,
        }));
    }
}
