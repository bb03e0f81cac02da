using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Paging;
using TapCustomerIo.Singer;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

/// <summary>People and the per-person streams. The children cost at least one call per person, so they are opt-in.</summary>
internal static class People
{
    private static readonly ParentLink Person = ParentLink.Of("customers", "customer_cio_id", "cio_id");
    private static readonly IReadOnlyList<KeyValuePair<string, string>> ByCioId = [new("id_type", "cio_id")];

    /// <summary>Everyone with a cio_id, which every identified person has.</summary>
    private static readonly JsonObject MatchAll = new()
    {
        ["and"] = new JsonArray(new JsonObject
        {
            ["attribute"] = new JsonObject { ["field"] = "cio_id", ["operator"] = "exists" },
        }),
    };

    public static IEnumerable<StreamDefinition> All =>
    [
        // A search (1000 cio_ids a page, cursor in the query) that can list a person again where a page starts with the
        // end of the previous one (docs/performance.md, "People search repeats"): remembering the last page is enough, so
        // memory does not grow with the workspace. The profiles come from a second call (CustomersSource). Only cio_id is
        // always present (email-only people have no id).
        List("customers", "/v1/customers", "identifiers", "cio_id").Paged(PageStyle.Search(1000)) with
        {
            Body = context => JsonSerializer.SerializeToUtf8Bytes(
                new JsonObject { ["filter"] = (context.Config.CustomerFilter ?? MatchAll).DeepClone() }, SingerJsonContext.Default.JsonObject),
            Repeats = Repeats.OnPreviousPage,
            Source = new CustomersSource(),
        },

        // Newest first; like /v1/activities, the list ends with empty pages that still carry a `next`.
        List("customer_activities", $"/v1/customers/{Person.Placeholder}/activities", "activities")
            .Paged(PageStyle.Cursor(100) with { EmptyPageEnds = true }).ChildOf(Person).NewestFirst("timestamp").OptIn() with
        {
            Passes = [ByCioId],
        },

        // Without start_ts/end_ts the API returns the person's last six months; windows per person would multiply calls.
        List("customer_messages", $"/v1/customers/{Person.Placeholder}/messages", "messages")
            .Paged(PageStyle.Cursor(1000)).ChildOf(Person).UpdatedClientSide("created").OptIn() with { Passes = [ByCioId] },

        List("customer_segments", $"/v1/customers/{Person.Placeholder}/segments", "segments", [.. Person.Ids, "id"])
            .ChildOf(Person).OptIn() with { Passes = [ByCioId] },

        List("customer_relationships", $"/v1/customers/{Person.Placeholder}/relationships", "cio_relationships",
                [.. Person.Ids, "object_type_id", "object_id"])
            .Paged(PageStyle.Cursor(100)).ChildOf(Person).OptIn() with
        {
            Passes = [ByCioId],
            Lift = ["identifiers"],
            Repeats = Repeats.OnPreviousPage,
        },
    ];
}
