using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Broadcasts
{
    private static readonly ParentLink Broadcast = ParentLink.Of("broadcasts", "broadcast_id").CreatedAt("created");
    private static readonly ParentLink Action = ParentLink.Of("broadcast_actions", "action_id");
    private static readonly ParentLink Trigger = ParentLink.Of("broadcast_triggers", "trigger_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        List("broadcasts", "/v1/broadcasts", "broadcasts").UpdatedClientSide("updated"),

        List("broadcast_actions", $"/v1/broadcasts/{Broadcast.Placeholder}/actions", "actions", [.. Broadcast.Ids, "id"])
            .Paged(PageStyle.Cursor(100)).ChildOf(Broadcast).UpdatedClientSide("updated"),

        List("broadcast_triggers", $"/v1/broadcasts/{Broadcast.Placeholder}/triggers", "triggers", [.. Broadcast.Ids, "id"])
            .ChildOf(Broadcast).UpdatedClientSide("created_at"),

        // Opt-in: one call or more per trigger ever made, every run (the errors have no time filter, and triggers
        // accumulate: an hourly API-triggered broadcast makes 8,760 a year), for diagnostics most warehouses never read.
        // The errors page by an integer offset in `next`: see TriggerErrorsSource.
        // Under /v1/campaigns/ although the id is a broadcast's (the API's legacy naming).
        List("broadcast_trigger_errors", $"/v1/campaigns/{Broadcast.Placeholder}/triggers/{Trigger.Placeholder}/errors", "errors",
                [.. Broadcast.Ids, .. Trigger.Ids, "position"])
            .Paged(PageStyle.NextOffset(100)).ChildOf(Trigger).OptIn() with { Source = TriggerErrorsSource.Instance },

        List("broadcast_metrics", $"/v1/broadcasts/{Broadcast.Placeholder}/metrics", "metric", [.. Broadcast.Ids, "period", "period_start"])
            .ChildOf(Broadcast) with { Source = PeriodMetricsSource.Instance },

        List("broadcast_action_metrics", $"/v1/broadcasts/{Broadcast.Placeholder}/actions/{Action.Placeholder}/metrics", "metric",
                [.. Broadcast.Ids, .. Action.Ids, "period", "period_start"])
            .ChildOf(Action) with { Source = PeriodMetricsSource.Instance },

        List("broadcast_link_metrics", $"/v1/broadcasts/{Broadcast.Placeholder}/metrics/links", "links", [.. Broadcast.Ids, "link_id"])
            .ChildOf(Broadcast).OptIn() with { Source = LinkMetricsSource.Instance },

        List("broadcast_action_link_metrics", $"/v1/broadcasts/{Broadcast.Placeholder}/actions/{Action.Placeholder}/metrics/links", "links",
                [.. Broadcast.Ids, .. Action.Ids, "link_id"])
            .ChildOf(Action).OptIn() with { Source = LinkMetricsSource.Instance },

        Deliveries("broadcast_messages", $"/v1/broadcasts/{Broadcast.Placeholder}/messages").ChildOf(Broadcast).OptIn(),
    ];
}
