using TapCustomerIo.Paging;
using TapCustomerIo.Streams.Custom;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Workspace
{
    public static IEnumerable<StreamDefinition> All =>
    [
        List("collections", "/v1/collections", "collections").UpdatedClientSide("updated_at"),
        List("exports", "/v1/exports", "exports").UpdatedClientSide("updated_at"),
        IpAddressesSource.Definition,
        List("reporting_webhooks", "/v1/reporting_webhooks", "reporting_webhooks"),

        // `hidden=true` returns only the hidden senders, so a complete copy takes both passes.
        List("sender_identities", "/v1/sender_identities", "sender_identities") with
        {
            Paging = PageStyle.Cursor(100),
            Passes = [[new("hidden", "false")], [new("hidden", "true")]],
        },

        // Snippets have no id: the name is unique per workspace.
        List("snippets", "/v1/snippets", "snippets", "name").UpdatedClientSide("updated_at"),
        List("subscription_topics", "/v1/subscription_topics", "topics"),
        List("subscription_channels", "/v1/subscription_channels", "channels"),
        List("workspaces", "/v1/workspaces", "workspaces"),
        EspSuppressionsSource.Definition,
    ];
}
