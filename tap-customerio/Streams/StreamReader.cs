using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams;

/// <summary>
/// The one reader of declared lists: for every lane of the declaration's paging (one list, or time windows read
/// several at once) and every pass (fixed query variants, one per configured <c>type</c>), it walks the pages the
/// paginator asks for and yields each page's records as they arrive, shaped as the declaration says. A newest-first
/// walk stops where the <see cref="IncrementalPolicy"/> says nothing newer follows.
/// </summary>
internal sealed class StreamReader : IRecordSource
{
    public static readonly StreamReader Instance = new();

    public IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, CancellationToken cancellation) =>
        ReadAsync(context, [], cancellation);

    /// <summary>Reads the stream with <paramref name="query"/> added to every request (a custom source's own variant).</summary>
    public static IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, IReadOnlyList<KeyValuePair<string, string>> query,
        CancellationToken cancellation)
    {
        var stream = context.Stream;
        var read = new Read(context, context.ResolvePath(stream.Path), stream.Body?.Invoke(context), Passes(context, query),
            stream.Repeats == Repeats.Anywhere ? new HashSet<string>(StringComparer.Ordinal) : null);
        var lanes = stream.Paging.Lanes(context.Policy.From, context.Policy.Signpost);
        return LaneReader.ReadAsync(lanes, stream.Paging.ParallelLanes, read.LaneAsync,
            through => new RecordBatch([]) { CompletedThrough = through }, cancellation);
    }

    /// <summary>One read of one stream in one parent context: what every lane shares.</summary>
    private sealed class Read(ReadContext context, string path, byte[]? body,
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> passes, HashSet<string>? seen)
    {
        public async IAsyncEnumerable<RecordBatch> LaneAsync(PageLane lane, [EnumeratorCancellation] CancellationToken cancellation)
        {
            var stream = context.Stream;
            foreach (var pass in passes)
            {
                var list = new ApiRequest(body is null ? HttpMethod.Get : HttpMethod.Post, path, [.. pass, .. lane.Query], stream.Name, body,
                    MissingIsEmpty: stream.Paging.NotFoundEnds);
                var previous = stream.Repeats == Repeats.OnPreviousPage ? new HashSet<string>(StringComparer.Ordinal) : null;
                await foreach (var page in PageWalk.ReadAsync(context.Client, list, stream.RecordsKey, stream.Paging.Start(),
                    stream.Paging.PrefetchNext, cancellation).ConfigureAwait(false))
                {
                    var records = Shape(page, previous);
                    var stop = context.Policy.NothingNewerAfter(records);
                    yield return new RecordBatch(records, page.Document) { Response = page.Document.RootElement };
                    if (stop)
                    {
                        break; // newest first: the older pages hold nothing new
                    }
                }
            }
        }

        private IReadOnlyList<JsonElement> Shape(Page page, HashSet<string>? previous)
        {
            var stream = context.Stream;
            var records = page.Records;
            PageRecords.RequireObjects(records, stream, page.Request);
            if (stream.Lift.Count > 0)
            {
                records = PageRecords.Lift(records, stream.Lift);
            }

            if (previous is not null)
            {
                records = PageRecords.NotOnPreviousPage(records, stream.KeyProperties, previous);
            }

            if (seen is not null)
            {
                records = PageRecords.Unseen(records, stream.KeyProperties, seen);
            }

            return records;
        }
    }

    /// <summary>The query variants one read walks: the declared passes, each once per configured <c>type</c> (also what <c>--estimate</c> counts).</summary>
    internal static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Passes(ReadContext context, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var passes = context.Stream.Passes.Select(p => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, .. query]).ToArray();
        var types = context.Stream.TypeFilter?.Invoke(context.Config) ?? [];
        return types.Count == 0
            ? passes
            : passes.SelectMany(p => types.Select(t => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, new("type", t)])).ToArray();
    }
}
