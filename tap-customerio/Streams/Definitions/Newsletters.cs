using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Newsletters
{
    private static readonly ParentLink Newsletter = ParentLink.Of("newsletters", "newsletter_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        List("newsletters", "/v1/newsletters", "newsletters").Paged(PageStyle.Cursor(100)).UpdatedClientSide("updated"),

        List("newsletter_variants", $"/v1/newsletters/{Newsletter.Placeholder}/contents", "contents", [.. Newsletter.Ids, "id"])
            .ChildOf(Newsletter),

        // Test group ids restart at 0 in every newsletter: the key needs the newsletter.
        List("newsletter_test_groups", $"/v1/newsletters/{Newsletter.Placeholder}/test_groups", "test_groups", [.. Newsletter.Ids, "id"])
            .ChildOf(Newsletter),

        PeriodMetricsSource.Define("newsletter_metrics", "/v1/newsletters/{newsletter_id}/metrics", ["newsletter_id"])
            .ChildOf("newsletters", "newsletter_id"),

        PeriodMetricsSource.Define("newsletter_variant_metrics", "/v1/newsletters/{newsletter_id}/contents/{content_id}/metrics", ["newsletter_id", "content_id"])
            .ChildOf("newsletter_variants", "content_id"),

        Deliveries("newsletter_messages", $"/v1/newsletters/{Newsletter.Placeholder}/messages").ChildOf(Newsletter).OptIn(),
    ];
}
