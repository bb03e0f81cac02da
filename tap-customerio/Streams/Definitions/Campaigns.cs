using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Campaigns
{
    private static readonly ParentLink Campaign = ParentLink.Of("campaigns", "campaign_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        // No list endpoint filters by `updated`: the whole list is read and compared here.
        List("campaigns", "/v1/campaigns", "campaigns").UpdatedClientSide("updated"),

        // Ten actions a page, no `limit` accepted. A campaign's `updated` does not move when an action changes, so every
        // campaign's actions are read every run.
        List("campaign_actions", $"/v1/campaigns/{Campaign.Placeholder}/actions", "actions", [.. Campaign.Ids, "id"])
            .Paged(PageStyle.Cursor(null)).ChildOf(Campaign).UpdatedClientSide("updated"),

        CampaignMetricsSource.Define("campaign_metrics", "/v1/campaigns/{campaign_id}/metrics", ["campaign_id"])
            .ChildOf("campaigns", "campaign_id"),

        CampaignMetricsSource.Define("campaign_action_metrics", "/v1/campaigns/{campaign_id}/actions/{action_id}/metrics", ["campaign_id", "action_id"])
            .ChildOf("campaign_actions", "action_id"),

        LinkMetricsSource.Define("campaign_link_metrics", "/v1/campaigns/{campaign_id}/metrics/links", "campaign_id")
            .ChildOf("campaigns", "campaign_id").OptIn(),

        JourneyMetricsSource.Define("campaign_journey_metrics", "/v1/campaigns/{campaign_id}/journey_metrics")
            .ChildOf("campaigns", "campaign_id"),

        Deliveries("campaign_messages", $"/v1/campaigns/{Campaign.Placeholder}/messages").ChildOf(Campaign).OptIn(),
    ];
}
