using Serilog;
using TapCustomerIo.Http;

namespace TapCustomerIo.Cli;

/// <summary>
/// The first call of <c>--test</c>. Some endpoints answer without a key (<c>/v1/info/ip_addresses</c> does), so a test
/// that started there could pass with a wrong key; <c>GET /v1/workspaces</c> is the cheapest call that needs one. A key
/// or region the API refuses fails here with the client's usual 401 message.
/// </summary>
internal static class ConnectionTest
{
    public static async Task CheckKeyAsync(CustomerIoClient client, ILogger log, CancellationToken cancellation)
    {
        using var _ = await client.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/workspaces", [], "connection_test"), cancellation).ConfigureAwait(false);
        log.Information("Connection test: the API accepted the key; now at most one record of each selected stream");
    }
}
