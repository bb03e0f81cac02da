using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Model;
using FakeCustomerIo.Http;

namespace FakeCustomerIo.Endpoints;

/// <summary>Parent lookups from route values; unknown ids and the deliberately deleted parents answer 404.</summary>
internal static class Lookup
{
    public static Campaign Campaign(HttpContext ctx, DatasetState state)
    {
        var id = QueryParams.RouteLong(ctx, "id", "campaign");
        var campaign = state.Catalog.Campaign(id);
        // The deleted campaign is still listed by /v1/campaigns, but everything under it is gone (deleted mid-sync).
        return campaign is null || id == state.Catalog.DeletedCampaignId ? throw ApiException.NotFound($"campaign {id}") : campaign;
    }

    public static MessageAction CampaignAction(HttpContext ctx, DatasetState state) => Action(ctx, Campaign(ctx, state).ActionDetails);

    public static Broadcast Broadcast(HttpContext ctx, DatasetState state)
    {
        var id = QueryParams.RouteLong(ctx, "id", "broadcast");
        return state.Catalog.Broadcast(id) ?? throw ApiException.NotFound($"broadcast {id}");
    }

    public static MessageAction BroadcastAction(HttpContext ctx, DatasetState state) => Action(ctx, Broadcast(ctx, state).ActionDetails);

    /// <summary>The <c>{action_id}</c> of the route among a parent's actions, or 404.</summary>
    private static MessageAction Action(HttpContext ctx, IEnumerable<MessageAction> actions)
    {
        var actionId = QueryParams.RouteLong(ctx, "action_id", "action");
        return actions.FirstOrDefault(a => a.Key == actionId) ?? throw ApiException.NotFound($"action {actionId}");
    }

    public static Newsletter Newsletter(HttpContext ctx, DatasetState state)
    {
        var id = QueryParams.RouteLong(ctx, "id", "newsletter");
        return state.Catalog.Newsletter(id) ?? throw ApiException.NotFound($"newsletter {id}");
    }

    public static TransactionalMessage Transactional(HttpContext ctx, DatasetState state)
    {
        var id = QueryParams.RouteLong(ctx, "id", "transactional message");
        return state.Catalog.TransactionalMessage(id) ?? throw ApiException.NotFound($"transactional message {id}");
    }

    /// <summary>The deleted segment is listed by /v1/segments, but its membership and usage answer 404.</summary>
    public static Segment Segment(HttpContext ctx, DatasetState state)
    {
        var id = QueryParams.RouteLong(ctx, "id", "segment");
        var segment = state.Catalog.Segment(id);
        return segment is null || id == state.Catalog.DeletedSegmentId ? throw ApiException.NotFound($"segment {id}") : segment;
    }

    /// <summary>A person by <c>{id}</c> and <c>id_type</c> (id, email, cio_id; default id).</summary>
    public static long Person(HttpContext ctx, FakeDataset data)
    {
        var idType = QueryParams.String(ctx.Request, "id_type");
        if (idType is not (null or "id" or "email" or "cio_id"))
        {
            throw ApiException.BadRequest("id_type must be one of id, email, cio_id");
        }

        var value = QueryParams.Route(ctx, "id");
        return data.People.TryResolve(idType, value, out var p) ? p : throw ApiException.NotFound($"customer {value}");
    }
}
