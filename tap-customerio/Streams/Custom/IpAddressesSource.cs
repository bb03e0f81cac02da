using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;

namespace TapCustomerIo.Streams.Custom;

/// <summary><c>/v1/info/ip_addresses</c> answers a list of strings; each becomes a row <c>{"ip": …}</c>.</summary>
internal sealed class IpAddressesSource : IRecordSource
{
    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var request = new ApiRequest(HttpMethod.Get, context.Stream.Path, [], context.Stream.Name);
        using var document = await context.Client.SendAsync(request, cancellation).ConfigureAwait(false);
        var addresses = Paging.Envelope.Records(document!, context.Stream.RecordsKey, request);
        yield return SyntheticRows.Build(writer =>
        {
            foreach (var address in addresses.Where(a => a.ValueKind == JsonValueKind.String))
            {
                writer.WriteStartObject();
                writer.WriteString("ip", address.GetString());
                writer.WriteEndObject();
            }
        });
    }
}
