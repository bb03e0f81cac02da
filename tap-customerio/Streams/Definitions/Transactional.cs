using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Transactional
{
    public static IEnumerable<StreamDefinition> All =>
    [
        // The envelope of /v1/transactional is `messages`, not `transactional`.
        List("transactional_messages", "/v1/transactional", "messages").UpdatedClientSide("updated_at"),

        List("transactional_contents", "/v1/transactional/{transactional_id}/contents", "contents", "transactional_id", "id")
            .ChildOf("transactional_messages", "transactional_id"),

        List("transactional_metrics", "/v1/transactional/{transactional_id}/metrics", "metric", "transactional_id", "period", "period_start")
            .ChildOf("transactional_messages", "transactional_id") with { Source = PeriodMetricsSource.Instance },

        List("transactional_link_metrics", "/v1/transactional/{transactional_id}/metrics/links", "links", "transactional_id", "link_id")
            .ChildOf("transactional_messages", "transactional_id").OptIn() with { Source = LinkMetricsSource.Instance },

        Deliveries("transactional_deliveries", "/v1/transactional/{transactional_id}/messages")
            .ChildOf("transactional_messages", "transactional_id").OptIn(),
    ];
}
