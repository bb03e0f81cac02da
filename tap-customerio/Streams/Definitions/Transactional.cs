using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Transactional
{
    private static readonly ParentLink Template = ParentLink.Of("transactional_messages", "transactional_id").CreatedAt("created_at");

    public static IEnumerable<StreamDefinition> All =>
    [
        // The envelope of /v1/transactional is `messages`, not `transactional`.
        List("transactional_messages", "/v1/transactional", "messages").UpdatedClientSide("updated_at"),

        List("transactional_contents", $"/v1/transactional/{Template.Placeholder}/contents", "contents", [.. Template.Ids, "id"])
            .ChildOf(Template),

        List("transactional_metrics", $"/v1/transactional/{Template.Placeholder}/metrics", "metric", [.. Template.Ids, "period", "period_start"])
            .ChildOf(Template) with { Source = PeriodMetricsSource.Instance },

        List("transactional_link_metrics", $"/v1/transactional/{Template.Placeholder}/metrics/links", "links", [.. Template.Ids, "link_id"])
            .ChildOf(Template).OptIn() with { Source = LinkMetricsSource.Instance },

        Deliveries("transactional_deliveries", $"/v1/transactional/{Template.Placeholder}/messages").ChildOf(Template).OptIn(),
    ];
}
