using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Catalog;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

internal static class BroadcastEndpoints
{
    public const int MaxActionsLimit = 100;
    public const int MaxErrorsLimit = 100;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data)
    {
        Routes.Get(app, "/v1/broadcasts", ctx => ListPage.WriteAllAsync(ctx, "broadcasts", data.Catalog.Broadcasts));
        Routes.Get(app, "/v1/broadcasts/{id}/actions", ctx =>
        {
            var broadcast = Lookup.Broadcast(ctx, data.State);
            var limit = QueryParams.Limit(ctx.Request, MaxActionsLimit, 10);
            return ListPage.WriteAsync(ctx, "actions", broadcast.ActionDetails, limit, NextStyle.Absent);
        });
        Routes.Get(app, "/v1/broadcasts/{id}/triggers", ctx =>
            ListPage.WriteAllAsync(ctx, "triggers", Lookup.Broadcast(ctx, data.State).Triggers));
        // Under /v1/campaigns/ although the id is a broadcast's: the API's legacy naming.
        Routes.Get(app, "/v1/campaigns/{id}/triggers/{trigger_id}/errors", ctx => TriggerErrorsAsync(ctx, data));
    }

    /// <summary>
    /// A trigger's errors, bare strings. Its own paging: <c>start</c> (typed string) takes an integer offset, which is
    /// what <c>next</c> holds (an integer), and <c>next</c> is missing on the last page. A start that is not an
    /// integer answers 400; the deleted trigger answers 404.
    /// </summary>
    private static Task TriggerErrorsAsync(HttpContext ctx, FakeDataset data)
    {
        var state = data.State;
        var triggerId = QueryParams.RouteLong(ctx, "trigger_id", "trigger");
        var trigger = Lookup.Broadcast(ctx, state).Triggers.FirstOrDefault(t => t.Id == triggerId);
        if (trigger is null || triggerId == TriggerErrors.DeletedTriggerId(state.Catalog))
        {
            throw ApiException.NotFound($"trigger {triggerId}");
        }

        var errors = TriggerErrors.Of(data.Seed, state.Catalog, trigger);
        var limit = QueryParams.Limit(ctx.Request, MaxErrorsLimit, 10);
        var start = QueryParams.Long(ctx.Request, "start") ?? 0;
        if (start < 0)
        {
            throw ApiException.BadRequest("start must not be negative");
        }

        var end = (int)Math.Min(errors.Count, start + limit);
        return JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            for (var i = (int)Math.Min(start, errors.Count); i < end; i++)
            {
                w.WriteStringValue(errors[i]);
            }

            w.WriteEndArray();
            if (end < errors.Count)
            {
                w.WriteNumber("next", end);
            }

            w.WriteEndObject();
        });
    }
}
