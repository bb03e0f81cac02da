using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Paging;
using TapCustomerIo.Singer;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Objects
{
    private static readonly ParentLink ObjectType = ParentLink.Of("object_types", "object_type_id");
    private static readonly ParentLink Object = ParentLink.Of("objects", "object_type_id", "object_type_id").And("object_id", "object_id");

    public static IEnumerable<StreamDefinition> All =>
    [
        List("object_types", "/v1/object_types", "types"),

        // Listed per type with POST /v1/objects, which requires both object_type_id and a filter; an object-attribute
        // condition needs the type id too, and "object_id exists" matches every object. The list can repeat an object.
        List("objects", "/v1/objects", "identifiers", [.. ObjectType.Ids, "object_id"]).Paged(PageStyle.Search(1000)).ChildOf(ObjectType) with
        {
            Body = context => EveryObjectOf(context.Value(ObjectType.Ids[0])!),
            Repeats = Repeats.Anywhere,
        },

        List("object_attributes", $"/v1/objects/{Object.Placeholder}/attributes", "object", [.. Object.Ids]).ChildOf(Object).OptIn() with
        {
            Lift = ["identifiers"],
        },

        // The people related to each object: who is related to what at one call per object (a page per 100 people),
        // not one per person as customer_relationships. Like object_attributes, a call per object, so opt-in.
        List("object_relationships", $"/v1/objects/{Object.Placeholder}/relationships", "cio_relationships", [.. Object.Ids, "cio_id"])
            .Paged(PageStyle.Cursor(100)).ChildOf(Object).OptIn() with
        {
            Lift = ["identifiers"],
            Repeats = Repeats.OnPreviousPage,
        },
    ];

    private static byte[] EveryObjectOf(string type) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["object_type_id"] = type,
        ["filter"] = new JsonObject
        {
            ["and"] = new JsonArray(new JsonObject
            {
                ["object_attribute"] = new JsonObject { ["field"] = "object_id", ["operator"] = "exists", ["type_id"] = type },
            }),
        },
    }, SingerJsonContext.Default.JsonObject);
}
