using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Newsletters
{
    public static IEnumerable<StreamDefinition> All =>
    [
        List("newsletters", "/v1/newsletters", "newsletters").UpdatedClientSide("updated") with { Paging = PageStyle.Cursor(100) },

        List("newsletter_variants", "/v1/newsletters/{newsletter_id}/contents", "contents", "newsletter_id", "id")
            .ChildOf("newsletters", "newsletter_id"),

        // Test group ids restart at 0 in every newsletter: the key needs the newsletter.
        List("newsletter_test_groups", "/v1/newsletters/{newsletter_id}/test_groups", "test_groups", "newsletter_id", "id")
            .ChildOf("newsletters", "newsletter_id"),

        List("newsletter_metrics", "/v1/newsletters/{newsletter_id}/metrics", "metric", "newsletter_id", "period", "period_start")
            .ChildOf("newsletters", "newsletter_id") with { Source = PeriodMetricsSource.Instance },

        List("newsletter_variant_metrics", "/v1/newsletters/{newsletter_id}/contents/{content_id}/metrics", "metric",
                "newsletter_id", "content_id", "period", "period_start")
            .ChildOf("newsletter_variants", "content_id") with { Source = PeriodMetricsSource.Instance },

        List("newsletter_link_metrics", "/v1/newsletters/{newsletter_id}/metrics/links", "links", "newsletter_id", "link_id")
            .ChildOf("newsletters", "newsletter_id").OptIn() with { Source = LinkMetricsSource.Instance },

        List("newsletter_variant_link_metrics", "/v1/newsletters/{newsletter_id}/contents/{content_id}/metrics/links", "links",
                "newsletter_id", "content_id", "link_id")
            .ChildOf("newsletter_variants", "content_id").OptIn() with { Source = LinkMetricsSource.Instance },

        Deliveries("newsletter_messages", "/v1/newsletters/{newsletter_id}/messages").ChildOf("newsletters", "newsletter_id").OptIn(),
    ];
}
