using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Broadcasts
{
    public static IEnumerable<StreamDefinition> All =>
    [
        List("broadcasts", "/v1/broadcasts", "broadcasts").UpdatedClientSide("updated"),

        List("broadcast_actions", "/v1/broadcasts/{broadcast_id}/actions", "actions", "broadcast_id", "id")
            .ChildOf("broadcasts", "broadcast_id").UpdatedClientSide("updated") with { Paging = PageStyle.Cursor(100) },

        List("broadcast_triggers", "/v1/broadcasts/{broadcast_id}/triggers", "triggers", "broadcast_id", "id")
            .ChildOf("broadcasts", "broadcast_id").UpdatedClientSide("created_at"),

        // Opt-in: one call or more per trigger ever made, every run (the errors have no time filter, and triggers
        // accumulate: an hourly API-triggered broadcast makes 8,760 a year), for diagnostics most warehouses never read.
        // The errors page by an integer offset in `next`: see TriggerErrorsSource.
        List("broadcast_trigger_errors", "/v1/campaigns/{broadcast_id}/triggers/{trigger_id}/errors", "errors", "broadcast_id", "trigger_id", "position")
            .ChildOf("broadcast_triggers", "trigger_id").OptIn() with { Paging = PageStyle.Cursor(100), Source = new TriggerErrorsSource() },

        List("broadcast_metrics", "/v1/broadcasts/{broadcast_id}/metrics", "metric", "broadcast_id", "period", "period_start")
            .ChildOf("broadcasts", "broadcast_id") with { Source = PeriodMetricsSource.Instance },

        List("broadcast_action_metrics", "/v1/broadcasts/{broadcast_id}/actions/{action_id}/metrics", "metric",
                "broadcast_id", "action_id", "period", "period_start")
            .ChildOf("broadcast_actions", "action_id") with { Source = PeriodMetricsSource.Instance },

        List("broadcast_link_metrics", "/v1/broadcasts/{broadcast_id}/metrics/links", "links", "broadcast_id", "link_id")
            .ChildOf("broadcasts", "broadcast_id").OptIn() with { Source = LinkMetricsSource.Instance },

        List("broadcast_action_link_metrics", "/v1/broadcasts/{broadcast_id}/actions/{action_id}/metrics/links", "links",
                "broadcast_id", "action_id", "link_id")
            .ChildOf("broadcast_actions", "action_id").OptIn() with { Source = LinkMetricsSource.Instance },

        Deliveries("broadcast_messages", "/v1/broadcasts/{broadcast_id}/messages").ChildOf("broadcasts", "broadcast_id").OptIn(),
    ];
}
