using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Campaigns
{
    private static readonly ParentLink Campaign = ParentLink.Of("campaigns", "campaign_id").CreatedAt("created");
    private static readonly ParentLink Action = ParentLink.Of("campaign_actions", "action_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        // No list endpoint filters by `updated`: the whole list is read and compared here.
        List("campaigns", "/v1/campaigns", "campaigns").UpdatedClientSide("updated"),

        // Ten actions a page, no `limit` accepted. A campaign's `updated` does not move when an action changes, so every
        // campaign's actions are read every run.
        List("campaign_actions", $"/v1/campaigns/{Campaign.Placeholder}/actions", "actions", [.. Campaign.Ids, "id"])
            .Paged(PageStyle.Cursor(null)).ChildOf(Campaign).UpdatedClientSide("updated"),

        // Metrics version 2: absolute buckets from the response's `start`, in `metrics_timezone`.
        List("campaign_metrics", $"/v1/campaigns/{Campaign.Placeholder}/metrics", "metric", [.. Campaign.Ids, "resolution", "period_start"])
            .ChildOf(Campaign).TimeBuckets(CampaignMetricsSource.Instance),

        List("campaign_action_metrics", $"/v1/campaigns/{Campaign.Placeholder}/actions/{Action.Placeholder}/metrics", "metric",
                [.. Campaign.Ids, .. Action.Ids, "resolution", "period_start"])
            .ChildOf(Action).TimeBuckets(CampaignMetricsSource.Instance),

        List("campaign_link_metrics", $"/v1/campaigns/{Campaign.Placeholder}/metrics/links", "links", [.. Campaign.Ids, "link_id"])
            .ChildOf(Campaign).OptIn() with { Source = LinkMetricsSource.Instance },

        List("campaign_action_link_metrics", $"/v1/campaigns/{Campaign.Placeholder}/actions/{Action.Placeholder}/metrics/links", "links",
                [.. Campaign.Ids, .. Action.Ids, "link_id"])
            .ChildOf(Action).OptIn() with { Source = LinkMetricsSource.Instance },

        // Bare arrays under `journey_metric`; buckets from the request's `start`, in UTC.
        List("campaign_journey_metrics", $"/v1/campaigns/{Campaign.Placeholder}/journey_metrics", "journey_metric",
                [.. Campaign.Ids, "resolution", "period_start"])
            .ChildOf(Campaign).TimeBuckets(JourneyMetricsSource.Instance),

        Deliveries("campaign_messages", $"/v1/campaigns/{Campaign.Placeholder}/messages").ChildOf(Campaign).OptIn(),
    ];

    /// <summary>Time-keyed buckets: incremental on <c>period_start</c>; the last two are still filling and are read again every run.</summary>
    private static StreamDefinition TimeBuckets(this StreamDefinition stream, IRecordSource source) =>
        stream.UpdatedClientSide("period_start") with { Source = source, Lookback = MetricBuckets.TwoBuckets };
}
