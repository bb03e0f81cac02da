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
        // A list of strings: each becomes a row {"ip": …}.
        List("info_ip_addresses", "/v1/info/ip_addresses", "ip_addresses", "ip") with { Source = new IpAddressesSource() },
        List("reporting_webhooks", "/v1/reporting_webhooks", "reporting_webhooks"),

        // The definition says `hidden=true` lists the hidden senders together with the visible ones; the API is also
        // read as listing the hidden ones only. Both passes, with repeats dropped, give every sender once either way.
        List("sender_identities", "/v1/sender_identities", "sender_identities").Paged(PageStyle.Cursor(100)) with
        {
            Passes = [[new("hidden", "false")], [new("hidden", "true")]],
            Repeats = Repeats.Anywhere,
        },

        // Snippets have no id: the name is unique per workspace.
        List("snippets", "/v1/snippets", "snippets", "name").UpdatedClientSide("updated_at"),
        List("subscription_topics", "/v1/subscription_topics", "topics"),
        List("subscription_channels", "/v1/subscription_channels", "channels"),
        List("workspaces", "/v1/workspaces", "workspaces"),

        // Four lists (the type is in the path), for the workspace and again for each configured sending domain; one
        // email can be on several lists. EspSuppressionsSource reads each with this declaration.
        List("esp_suppressions", "/v1/esp/suppression/{suppression_type}", "suppressions", "suppression_type", "email")
            .Paged(PageStyle.Offset(1000)) with
        {
            Source = new EspSuppressionsSource(),
            KeysFor = config => config?.EspDomains.Count > 0 ? ["suppression_type", "domain", "email"] : ["suppression_type", "email"],
        },
    ];
}
