using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Transactional
{
    private static readonly ParentLink Template = ParentLink.Of("transactional_messages", "transactional_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        // The envelope of /v1/transactional is `messages`, not `transactional`.
        List("transactional_messages", "/v1/transactional", "messages").UpdatedClientSide("updated_at"),

        List("transactional_contents", $"/v1/transactional/{Template.Placeholder}/contents", "contents", [.. Template.Ids, "id"])
            .ChildOf(Template),

        PeriodMetricsSource.Define("transactional_metrics", "/v1/transactional/{transactional_id}/metrics", ["transactional_id"])
            .ChildOf("transactional_messages", "transactional_id"),

        Deliveries("transactional_deliveries", $"/v1/transactional/{Template.Placeholder}/messages").ChildOf(Template).OptIn(),
    ];
}
