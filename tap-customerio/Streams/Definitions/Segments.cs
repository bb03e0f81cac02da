using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Segments
{
    private static readonly ParentLink Segment = ParentLink.Of("segments", "segment_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        List("segments", "/v1/segments", "segments").UpdatedClientSide("updated_at"),

        // Up to 30,000 members a page; the same member can appear again at the top of the next page. An empty page
        // with a cursor can be followed by more members.
        List("segment_membership", $"/v1/segments/{Segment.Placeholder}/membership", "identifiers", [.. Segment.Ids, "cio_id"])
            .Paged(PageStyle.Cursor(30000)).ChildOf(Segment) with { Repeats = Repeats.OnPreviousPage },

        // One object per segment: the campaigns and newsletters that use it.
        List("segment_usage", $"/v1/segments/{Segment.Placeholder}/used_by", "used_by", [.. Segment.Ids]).ChildOf(Segment),

        // One bare object per segment, no envelope: `{"count": N, "segment_id": N}`.
        List("segment_customer_counts", $"/v1/segments/{Segment.Placeholder}/customer_count", "", [.. Segment.Ids])
            .ChildOf(Segment).OptIn() with { Source = SegmentCountSource.Instance },
    ];
}
