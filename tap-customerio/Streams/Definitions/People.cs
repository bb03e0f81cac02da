using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

/// <summary>People and the per-person streams. The children cost at least one call per person, so they are opt-in.</summary>
internal static class People
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> ByCioId = [new("id_type", "cio_id")];

    public static IEnumerable<StreamDefinition> All =>
    [
        CustomersSource.Definition,

        List("customer_activities", "/v1/customers/{customer_cio_id}/activities", "activities")
            .ChildOf("customers", "customer_cio_id", "cio_id").OptIn() with
        {
            ReplicationKey = "timestamp",
            Incremental = Incremental.NewestFirst,
            Paging = PageStyle.Cursor(100),
            Passes = [ByCioId],
        },

        // Without start_ts/end_ts the API returns the person's last six months; windows per person would multiply calls.
        List("customer_messages", "/v1/customers/{customer_cio_id}/messages", "messages")
            .ChildOf("customers", "customer_cio_id", "cio_id").UpdatedClientSide("created").OptIn() with
        {
            Paging = PageStyle.Cursor(1000),
            Passes = [ByCioId],
        },

        List("customer_segments", "/v1/customers/{customer_cio_id}/segments", "segments", "customer_cio_id", "id")
            .ChildOf("customers", "customer_cio_id", "cio_id").OptIn() with { Passes = [ByCioId] },

        List("customer_relationships", "/v1/customers/{customer_cio_id}/relationships", "cio_relationships",
                "customer_cio_id", "object_type_id", "object_id")
            .ChildOf("customers", "customer_cio_id", "cio_id").OptIn() with
        {
            Paging = PageStyle.Cursor(100),
            Passes = [ByCioId],
            Lift = ["identifiers"],
            DeduplicateAcrossPages = true,
        },
    ];
}
