using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Broadcasts
{
    private static readonly ParentLink Broadcast = ParentLink.Of("broadcasts", "broadcast_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        List("broadcasts", "/v1/broadcasts", "broadcasts").UpdatedClientSide("updated"),

        List("broadcast_actions", $"/v1/broadcasts/{Broadcast.Placeholder}/actions", "actions", [.. Broadcast.Ids, "id"])
            .Paged(PageStyle.Cursor(100)).ChildOf(Broadcast).UpdatedClientSide("updated"),

        List("broadcast_triggers", $"/v1/broadcasts/{Broadcast.Placeholder}/triggers", "triggers", [.. Broadcast.Ids, "id"])
            .ChildOf(Broadcast).UpdatedClientSide("created_at"),

        PeriodMetricsSource.Define("broadcast_metrics", "/v1/broadcasts/{broadcast_id}/metrics", ["broadcast_id"])
            .ChildOf("broadcasts", "broadcast_id"),

        PeriodMetricsSource.Define("broadcast_action_metrics", "/v1/broadcasts/{broadcast_id}/actions/{action_id}/metrics", ["broadcast_id", "action_id"])
            .ChildOf("broadcast_actions", "action_id"),

        LinkMetricsSource.Define("broadcast_link_metrics", "/v1/broadcasts/{broadcast_id}/metrics/links", "broadcast_id")
            .ChildOf("broadcasts", "broadcast_id").OptIn(),

        Deliveries("broadcast_messages", $"/v1/broadcasts/{Broadcast.Placeholder}/messages").ChildOf(Broadcast).OptIn(),
    ];
}
