using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Segments
{
    public static IEnumerable<StreamDefinition> All =>
    [
        List("segments", "/v1/segments", "segments").UpdatedClientSide("updated_at"),

        // Up to 30,000 members a page; the same member can appear again at the top of the next page.
        List("segment_membership", "/v1/segments/{segment_id}/membership", "identifiers", "segment_id", "cio_id")
            .ChildOf("segments", "segment_id") with { Paging = PageStyle.Cursor(30000), DeduplicateAcrossPages = true },

        // One object per segment: the campaigns and newsletters that use it.
        List("segment_usage", "/v1/segments/{segment_id}/used_by", "used_by", "segment_id").ChildOf("segments", "segment_id"),

        // One bare object per segment, no envelope: `{"count": N, "segment_id": N}`.
        List("segment_customer_counts", "/v1/segments/{segment_id}/customer_count", "", "segment_id")
            .ChildOf("segments", "segment_id").OptIn() with { Source = SegmentCountSource.Instance },
    ];
}
