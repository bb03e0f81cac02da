using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Newsletters
{
    private static readonly ParentLink Newsletter = ParentLink.Of("newsletters", "newsletter_id").CreatedAt("created");
    private static readonly ParentLink Variant = ParentLink.Of("newsletter_variants", "content_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        List("newsletters", "/v1/newsletters", "newsletters").Paged(PageStyle.Cursor(100)).UpdatedClientSide("updated"),

        List("newsletter_variants", $"/v1/newsletters/{Newsletter.Placeholder}/contents", "contents", [.. Newsletter.Ids, "id"])
            .ChildOf(Newsletter),

        // Test group ids restart at 0 in every newsletter: the key needs the newsletter.
        List("newsletter_test_groups", $"/v1/newsletters/{Newsletter.Placeholder}/test_groups", "test_groups", [.. Newsletter.Ids, "id"])
            .ChildOf(Newsletter),

        List("newsletter_metrics", $"/v1/newsletters/{Newsletter.Placeholder}/metrics", "metric", [.. Newsletter.Ids, "period", "period_start"])
            .ChildOf(Newsletter) with { Source = PeriodMetricsSource.Instance },

        List("newsletter_variant_metrics", $"/v1/newsletters/{Newsletter.Placeholder}/contents/{Variant.Placeholder}/metrics", "metric",
                [.. Newsletter.Ids, .. Variant.Ids, "period", "period_start"])
            .ChildOf(Variant) with { Source = PeriodMetricsSource.Instance },

        List("newsletter_link_metrics", $"/v1/newsletters/{Newsletter.Placeholder}/metrics/links", "links", [.. Newsletter.Ids, "link_id"])
            .ChildOf(Newsletter).OptIn() with { Source = LinkMetricsSource.Instance },

        List("newsletter_variant_link_metrics", $"/v1/newsletters/{Newsletter.Placeholder}/contents/{Variant.Placeholder}/metrics/links", "links",
                [.. Newsletter.Ids, .. Variant.Ids, "link_id"])
            .ChildOf(Variant).OptIn() with { Source = LinkMetricsSource.Instance },

        Deliveries("newsletter_messages", $"/v1/newsletters/{Newsletter.Placeholder}/messages").ChildOf(Newsletter).OptIn(),
    ];
}
