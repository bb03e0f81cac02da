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

        PeriodMetricsSource.Define("newsletter_metrics", "/v1/newsletters/{newsletter_id}/metrics", ["newsletter_id"])
            .ChildOf("newsletters", "newsletter_id"),

        PeriodMetricsSource.Define("newsletter_variant_metrics", "/v1/newsletters/{newsletter_id}/contents/{content_id}/metrics", ["newsletter_id", "content_id"])
            .ChildOf("newsletter_variants", "content_id"),

        Deliveries("newsletter_messages", "/v1/newsletters/{newsletter_id}/messages").ChildOf("newsletters", "newsletter_id").OptIn(),
    ];
}
