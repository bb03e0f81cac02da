using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// <c>/v1/segments/{id}/customer_count</c> answers one bare object, <c>{"count": N, "segment_id": N}</c>, with no
/// envelope around it: the body is the record. A segment deleted since it was listed (404) has none.
/// </summary>
internal sealed class SegmentCountSource : IRecordSource
{
    public static readonly SegmentCountSource Instance = new();

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var (request, document) = await MetricRequest.SendAsync(context, [], cancellation).ConfigureAwait(false);
        if (document is null)
        {
            yield break;
        }

        if (document.Root.ValueKind != JsonValueKind.Object)
        {
            var kind = document.Root.ValueKind;
            document.Dispose();
            throw new TapException($"stream '{request.Stream}': {request} answered a {kind}, not an object; the sync stopped here.");
        }

        yield return new RecordBatch([document.Root], document);
    }
}
