using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Json;
using TapCustomerIo.Paging;
using TapCustomerIo.Singer;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

/// <summary>People and the per-person streams. The children cost at least one call per person, so they are opt-in.</summary>
internal static class People
{
    private static readonly ParentLink Person = ParentLink.Of("customers", "customer_cio_id", "cio_id") with { Created = PersonCreated };
    private static readonly IReadOnlyList<KeyValuePair<string, string>> ByCioId = [new("id_type", "cio_id")];

    /// <summary>Everyone with a cio_id, which every identified person has.</summary>
    private static readonly JsonObject MatchAll = new()
    {
        ["and"] = new JsonArray(new JsonObject
        {
            ["attribute"] = new JsonObject { ["field"] = "cio_id", ["operator"] = "exists" },
        }),
    };

    /// <summary>
    /// A profile's creation: <c>created_at</c> among its attributes (a string of digits) or timestamps, else its earliest
    /// attribute timestamp (an attribute is set no earlier than the person exists). Null for a bare identifier (the
    /// profiles were not fetched).
    /// </summary>
    private static DateTimeOffset? PersonCreated(RawValue person)
    {
        long? created = null;
        if (person.ValueKind == JsonValueKind.Object && person.TryGetProperty("attributes", out var attributes))
        {
            created = ReplicationValue.UnixSeconds(attributes, "created_at");
        }

        if (created is null && person.ValueKind == JsonValueKind.Object && person.TryGetProperty("timestamps", out var timestamps)
            && timestamps.ValueKind == JsonValueKind.Object)
        {
            created = ReplicationValue.UnixSeconds(timestamps, "created_at")
                ?? timestamps.EnumerateObject().Select(t => t.Value.ValueKind == JsonValueKind.Number && t.Value.TryGetInt64(out var s) && s > 0 ? s : (long?)null).Min();
        }

        return created is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

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

        // Without start_ts/end_ts the API returns only the person's last six months: windows like every delivery list,
        // from the person's creation where the profile was fetched (the customers stream selected), else start_date.
        Deliveries("customer_messages", $"/v1/customers/{Person.Placeholder}/messages").ChildOf(Person).OptIn() with { Passes = [ByCioId] },

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
