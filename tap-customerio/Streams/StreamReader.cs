using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Json;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams;

/// <summary>
/// The one reader of declared lists: for every lane of the declaration's paging (one list, or time windows read
/// several at once) and every pass (fixed query variants, one per configured filter), it walks the pages the
/// paginator asks for and yields each page's records as they arrive, shaped as the declaration says. A newest-first
/// walk stops where the <see cref="IncrementalPolicy"/> says nothing newer follows; a window whose first page is full
/// is divided and its rest read at once, in more pieces the slower the API answered; a parent that answers 404 is not
/// asked again.
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
        var (paging, lanes) = Lanes(context);
        var read = new Read(context, paging, context.ResolvePath(stream.Path), stream.Body?.Invoke(context), Passes(context, query),
            stream.Repeats == Repeats.Anywhere ? new HashSet<string>(StringComparer.Ordinal) : null, new PageAllowance(paging.HeldPages));
        return LaneReader.ReadAsync(lanes, paging.ParallelLanes, read.LaneAsync, Completed, cancellation);
    }

    /// <summary>
    /// The paging as configured and the lanes one read in <paramref name="context"/> walks: a child's windows start at
    /// its parent's creation, all end at the signpost. <c>--estimate</c> plans the same lanes through this.
    /// </summary>
    internal static (PageStyle Paging, IReadOnlyList<PageLane> Lanes) Lanes(ReadContext context)
    {
        var paging = context.Stream.Paging.For(context.Config);
        return (paging, paging.Lanes(context.Policy.WindowsFrom(context.ParentCreated), context.Policy.Signpost));
    }

    /// <summary>
    /// The most pieces a dense window of this read is divided into: as many as the budget needs in flight at the
    /// stream's last latency (<see cref="WindowStyle.MaxPiecesAt"/>). <c>--estimate</c> divides its windows through this.
    /// </summary>
    internal static int MaxPieces(ReadContext context) =>
        WindowStyle.MaxPiecesAt(context.Config.MaxRequestsPerSecond, context.Client.LastLatency(context.Stream.Name) ?? TimeSpan.Zero);

    private static RecordBatch Completed(DateTimeOffset through) => new([]) { CompletedThrough = through };

    /// <summary>One read of one stream in one parent context: what every lane shares.</summary>
    private sealed class Read(ReadContext context, PageStyle paging, string path, byte[]? body,
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> passes, HashSet<string>? seen, PageAllowance allowance)
    {
        /// <summary>Set at the parent's first 404 (deleted since it was listed): lanes not yet started are skipped.</summary>
        private volatile bool _gone;

        public async IAsyncEnumerable<RecordBatch> LaneAsync(PageLane lane, [EnumeratorCancellation] CancellationToken cancellation)
        {
            foreach (var pass in passes)
            {
                await foreach (var batch in WalkAsync(pass, lane, paging as WindowStyle, null, cancellation).ConfigureAwait(false))
                {
                    yield return batch;
                }
            }
        }

        /// <param name="divisible">The window style when this walk may be divided (a whole window, not a piece of one).</param>
        /// <param name="drop">Keys already written by the page a piece was divided from (its boundary second).</param>
        private async IAsyncEnumerable<RecordBatch> WalkAsync(IReadOnlyList<KeyValuePair<string, string>> pass, PageLane lane,
            WindowStyle? divisible, HashSet<string>? drop, [EnumeratorCancellation] CancellationToken cancellation)
        {
            if (_gone)
            {
                yield break;
            }

            var stream = context.Stream;
            var list = new ApiRequest(body is null ? HttpMethod.Get : HttpMethod.Post, path, [.. pass, .. lane.Query], stream.Name, body,
                MissingIsEmpty: paging.NotFoundEnds);
            var repeats = stream.Repeats == Repeats.OnPreviousPage ? new PageKeys(new KeySet(stream.KeyProperties), new KeySet(stream.KeyProperties)) : null;
            IReadOnlyList<PageLane> rest = [];
            HashSet<string>? boundary = null;
            await foreach (var page in PageWalk.ReadAsync(context.Client, list, stream.RecordsKey, paging.Start(),
                paging.PrefetchNext, cancellation, () => _gone = true, allowance).ConfigureAwait(false))
            {
                var records = Shape(page, repeats, drop);
                var stop = context.Policy.NothingNewerAfter(records);
                if (divisible is not null && page.Records.Count > 0)
                {
                    (rest, boundary) = Divide(divisible, lane, page.Records);
                    divisible = null;
                    stop |= rest.Count > 0;
                }

                yield return new RecordBatch(records, page) { Response = page.Document.Root };
                if (stop)
                {
                    break; // newest first: the older pages hold nothing new; or the rest of the window is read in pieces
                }
            }

            if (rest.Count > 0)
            {
                await foreach (var batch in LaneReader.ReadAsync(rest, rest.Count,
                    (piece, token) => WalkAsync(pass, piece, null, boundary, token),
                    Completed, cancellation).ConfigureAwait(false))
                {
                    yield return batch;
                }
            }
        }

        /// <summary>The pieces of the rest of a window after its first full page, and that page's keys to drop from them.</summary>
        private (IReadOnlyList<PageLane> Pieces, HashSet<string>? Boundary) Divide(WindowStyle windows, PageLane lane, IReadOnlyList<RawValue> page)
        {
            var key = context.Stream.ReplicationKey!;
            if (ReplicationValue.UnixSeconds(page[0], key) is not { } first || ReplicationValue.UnixSeconds(page[^1], key) is not { } last)
            {
                return ([], null);
            }

            var rest = windows.Divide(lane, page.Count, first, last, MaxPieces(context));
            if (rest.Count == 0)
            {
                return ([], null);
            }

            allowance.Raise(PageStyle.HeldPagesFor(rest.Count)); // a request in flight for each piece, as the lanes have

            var boundary = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in page)
            {
                if (ReplicationValue.UnixSeconds(record, key) == last)
                {
                    boundary.Add(PageRecords.Key(record, context.Stream.KeyProperties));
                }
            }

            return (rest, boundary);
        }

        private IReadOnlyList<RawValue> Shape(Page page, PageKeys? repeats, HashSet<string>? drop)
        {
            var stream = context.Stream;
            var records = page.Records;
            PageRecords.RequireObjects(records, stream, page.Request);
            if (stream.Lift.Count > 0)
            {
                records = PageRecords.Lift(records, stream.Lift);
            }

            if (repeats is not null)
            {
                records = PageRecords.NotOnPreviousPage(records, ref repeats.Previous, ref repeats.Current);
            }

            if (drop is { Count: > 0 })
            {
                records = records.Where(r => !drop.Contains(PageRecords.Key(r, stream.KeyProperties))).ToArray();
            }

            if (seen is not null)
            {
                records = PageRecords.Unseen(records, stream.KeyProperties, seen);
            }

            return records;
        }
    }

    /// <summary>The keys of a walk's previous page and the set the current page's go into (swapped at each page).</summary>
    private sealed class PageKeys(KeySet previous, KeySet current)
    {
        public KeySet Previous = previous;
        public KeySet Current = current;
    }

    /// <summary>The query variants one read walks: the declared passes, each once per configured <c>type</c> (also what <c>--estimate</c> counts).</summary>
    internal static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Passes(ReadContext context, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var passes = context.Stream.Passes.Select(p => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, .. query]).ToArray();
        var variants = context.Stream.Variants?.Invoke(context.Config) ?? [];
        if (variants.Count > 0)
        {
            passes = passes.SelectMany(p => variants.Select(v => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, .. v])).ToArray();
        }

        var types = context.Stream.TypeFilter?.Invoke(context.Config) ?? [];
        return types.Count == 0
            ? passes
            : passes.SelectMany(p => types.Select(t => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, new("type", t)])).ToArray();
    }
}
