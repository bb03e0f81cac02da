using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Objects
{
    public static IEnumerable<StreamDefinition> All =>
    [
        List("object_types", "/v1/object_types", "types"),

        ObjectsSource.Definition,

        List("object_attributes", "/v1/objects/{object_type_id}/{object_id}/attributes", "object", "object_type_id", "object_id")
            .OptIn() with
        {
            Parent = ParentLink.Of("objects", "object_type_id", "object_type_id").And("object_id", "object_id"),
            Lift = ["identifiers"],
        },

        // The people related to each object: who is related to what at one call per object (a page per 100 people),
        // not one per person as customer_relationships. Like object_attributes, a call per object, so opt-in.
        List("object_relationships", "/v1/objects/{object_type_id}/{object_id}/relationships", "cio_relationships",
                "object_type_id", "object_id", "cio_id")
            .OptIn() with
        {
            Parent = ParentLink.Of("objects", "object_type_id", "object_type_id").And("object_id", "object_id"),
            Paging = PageStyle.Cursor(100),
            Lift = ["identifiers"],
            DeduplicateAcrossPages = true,
        },
    ];
}
