using FakeCustomerIo.Data.Deliveries;
using FakeCustomerIo.Http;

namespace FakeCustomerIo.Endpoints;

/// <summary>The optional server-side filters of the delivery lists: type (channel), metric, parent and action ids.</summary>
internal sealed record DeliveryFilter(string? Type, string? Metric, long? CampaignId, long? NewsletterId, long? ActionId)
{
    public bool IsEmpty => Type is null && Metric is null && CampaignId is null && NewsletterId is null && ActionId is null;

    public static DeliveryFilter From(HttpRequest request)
    {
        var metric = QueryParams.String(request, "metric") is { Length: > 0 } m ? m : null;
        if (metric is not null && Array.IndexOf(DeliveryMetrics.Names, metric) < 0)
        {
            throw ApiException.BadRequest($"unknown metric {metric}");
        }

        _ = QueryParams.Bool(request, "drafts"); // accepted; the fake has no separate drafts list
        return new DeliveryFilter(QueryParams.String(request, "type") is { Length: > 0 } t ? t : null, metric,
            QueryParams.Long(request, "campaign_id"), QueryParams.Long(request, "newsletter_id"), QueryParams.Long(request, "action_id"));
    }

    public bool Matches(in DeliveryFacts f) =>
        (Type is null || f.Type == Type)
        && (Metric is null || f.Metrics.Has(Metric))
        && (CampaignId is null || (f.Parent?.Kind == ParentKind.Campaign && f.Parent.Id == CampaignId))
        && (NewsletterId is null || (f.Parent?.Kind == ParentKind.Newsletter && f.Parent.Id == NewsletterId))
        && (ActionId is null || (f.Parent?.Kind is ParentKind.Campaign or ParentKind.Broadcast && f.ChildId == ActionId));
}
