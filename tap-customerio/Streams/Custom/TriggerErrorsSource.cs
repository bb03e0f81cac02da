using System.Runtime.CompilerServices;
using TapCustomerIo.Http;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// A broadcast trigger's errors are bare strings (<c>line &lt;x&gt;: &lt;error text&gt;</c>), so each becomes a row
/// keyed by its position in the trigger's list: the offset its page was asked for (see <see cref="NextOffsetPaginator"/>)
/// plus its index on the page. Paging is the declaration's, through the one page loop.
/// </summary>
internal sealed class TriggerErrorsSource : IRecordSource
{
    public static readonly TriggerErrorsSource Instance = new();

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var stream = context.Stream;
        var list = new ApiRequest(HttpMethod.Get, context.ResolvePath(stream.Path), [], stream.Name, MissingIsEmpty: stream.Paging.NotFoundEnds);
        await foreach (var page in PageWalk.ReadAsync(context.Client, list, stream.RecordsKey, stream.Paging.Start(), prefetch: false, cancellation)
            .ConfigureAwait(false))
        {
            using (page.Document)
            {
                var first = NextOffsetPaginator.OffsetOf(page.Request);
                yield return SyntheticRows.Build(writer =>
                {
                    for (var i = 0; i < page.Records.Count; i++)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("position", first + i);
                        writer.WritePropertyName("error");
                        page.Records[i].WriteTo(writer);
                        writer.WriteEndObject();
                    }
                });
            }
        }
    }
}
