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
    ];
}
