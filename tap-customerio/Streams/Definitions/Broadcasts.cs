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

        PeriodMetricsSource.Define("broadcast_metrics", "/v1/broadcasts/{broadcast_id}/metrics", ["broadcast_id"])
            .ChildOf("broadcasts", "broadcast_id"),

        PeriodMetricsSource.Define("broadcast_action_metrics", "/v1/broadcasts/{broadcast_id}/actions/{action_id}/metrics", ["broadcast_id", "action_id"])
            .ChildOf("broadcast_actions", "action_id"),

        LinkMetricsSource.Define("broadcast_link_metrics", "/v1/broadcasts/{broadcast_id}/metrics/links", "broadcast_id")
            .ChildOf("broadcasts", "broadcast_id").OptIn(),

        Deliveries("broadcast_messages", "/v1/broadcasts/{broadcast_id}/messages").ChildOf("broadcasts", "broadcast_id").OptIn(),
    ];
}
