using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Campaigns
{
    public static IEnumerable<StreamDefinition> All =>
    [
        // No list endpoint filters by `updated`: the whole list is read and compared here.
        List("campaigns", "/v1/campaigns", "campaigns").UpdatedClientSide("updated"),

        // Ten actions a page, no `limit` accepted. A campaign's `updated` does not move when an action changes, so every
        // campaign's actions are read every run.
        List("campaign_actions", "/v1/campaigns/{campaign_id}/actions", "actions", "campaign_id", "id")
            .ChildOf("campaigns", "campaign_id").UpdatedClientSide("updated") with { Paging = PageStyle.Cursor(null) },

        // Metrics version 2: absolute buckets from the response's `start`, in `metrics_timezone`.
        List("campaign_metrics", "/v1/campaigns/{campaign_id}/metrics", "metric", "campaign_id", "resolution", "period_start")
            .ChildOf("campaigns", "campaign_id").TimeBuckets(CampaignMetricsSource.Instance),

        List("campaign_action_metrics", "/v1/campaigns/{campaign_id}/actions/{action_id}/metrics", "metric",
                "campaign_id", "action_id", "resolution", "period_start")
            .ChildOf("campaign_actions", "action_id").TimeBuckets(CampaignMetricsSource.Instance),

        List("campaign_link_metrics", "/v1/campaigns/{campaign_id}/metrics/links", "links", "campaign_id", "link_id")
            .ChildOf("campaigns", "campaign_id").OptIn() with { Source = LinkMetricsSource.Instance },

        List("campaign_action_link_metrics", "/v1/campaigns/{campaign_id}/actions/{action_id}/metrics/links", "links",
                "campaign_id", "action_id", "link_id")
            .ChildOf("campaign_actions", "action_id").OptIn() with { Source = LinkMetricsSource.Instance },

        // Bare arrays under `journey_metric`; buckets from the request's `start`, in UTC.
        List("campaign_journey_metrics", "/v1/campaigns/{campaign_id}/journey_metrics", "journey_metric", "campaign_id", "resolution", "period_start")
            .ChildOf("campaigns", "campaign_id").TimeBuckets(JourneyMetricsSource.Instance),

        Deliveries("campaign_messages", "/v1/campaigns/{campaign_id}/messages").ChildOf("campaigns", "campaign_id").OptIn(),
    ];

    /// <summary>Time-keyed buckets: incremental on <c>period_start</c>; the last two are still filling and are read again every run.</summary>
    private static StreamDefinition TimeBuckets(this StreamDefinition stream, IRecordSource source) =>
        stream.UpdatedClientSide("period_start") with { Source = source, Lookback = MetricBuckets.TwoBuckets };
}
