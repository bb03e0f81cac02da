using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// A broadcast trigger's errors: <c>GET /v1/campaigns/{broadcast_id}/triggers/{trigger_id}/errors</c>, under
/// <c>/campaigns/</c> although the id is a broadcast's (the API's legacy naming). The errors are bare strings
/// (<c>line &lt;x&gt;: &lt;error text&gt;</c>), so each becomes a row keyed by its position in the trigger's list.
/// The endpoint pages its own way: <c>next</c> is an integer, the offset to send back as <c>start</c> (typed string),
/// and it is missing on the last page; the offset of each page is therefore the position of its first error.
/// </summary>
internal sealed class TriggerErrorsSource : IRecordSource
{
    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var stream = context.Stream;
        var path = context.ResolvePath(stream.Path);
        var limit = stream.Paging is CursorPaging { Limit: { } size } ? size : 100;
        var offset = 0L;
        while (true)
        {
            List<KeyValuePair<string, string>> query = [new("limit", limit.ToString(CultureInfo.InvariantCulture))];
            if (offset > 0)
            {
                query.Add(new("start", offset.ToString(CultureInfo.InvariantCulture)));
            }

            var request = new ApiRequest(HttpMethod.Get, path, query, stream.Name, MissingIsEmpty: true);
            using var document = await context.Client.SendAsync(request, cancellation).ConfigureAwait(false);
            if (document is null)
            {
                yield break; // trigger or broadcast deleted since it was listed
            }

            var errors = Envelope.Records(document, stream.RecordsKey, request);
            var first = offset;
            yield return SyntheticRows.Build(writer =>
            {
                for (var i = 0; i < errors.Count; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("position", first + i);
                    writer.WritePropertyName("error");
                    errors[i].WriteTo(writer);
                    writer.WriteEndObject();
                }
            });

            if (errors.Count == 0 || NextOffset(document, offset, request) is not { } next)
            {
                yield break;
            }

            offset = next;
        }
    }

    /// <summary>
    /// The offset of the next page, or null at the end: <c>next</c> missing, null, empty, or 0 (an unset integer can
    /// only mean "no more", since the walk began at 0). An offset that does not move forward would read the same
    /// pages forever, so it stops the sync like a repeated cursor.
    /// </summary>
    internal static long? NextOffset(JsonDocument document, long offset, ApiRequest request)
    {
        if (Envelope.Next(document) is not { Length: > 0 } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var next))
        {
            throw new TapException(
                $"stream '{request.Stream}': {request} answered a 'next' that is not an offset ({text}); the sync stopped here. " +
                "Report this with the tap's version.");
        }

        if (next == 0)
        {
            return null;
        }

        return next > offset ? next : throw new TapException(
            $"stream '{request.Stream}': {request} answered next={next} at offset {offset}, which does not move forward; stopping " +
            "so the sync does not loop forever. This is a fault of the API: run again later.");
    }
}
