using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Paging;

/// <summary>
/// The generic record source: walks a declared endpoint page by page in every pass (and, for deliveries, every time
/// window), and yields each page's records as they arrive.
/// </summary>
internal sealed class PageWalker : IRecordSource
{
    public static readonly PageWalker Instance = new();

    /// <summary>Delivery windows read at once; the request budget, not this, bounds the rate.</summary>
    private const int ParallelWindows = 4;

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var stream = context.Stream;
        var path = context.ResolvePath(stream.Path);
        var passes = Passes(context);
        if (stream.Paging is WindowPaging windows)
        {
            await foreach (var batch in WindowsAsync(context, path, passes, windows, cancellation).ConfigureAwait(false))
            {
                yield return batch;
            }

            yield break;
        }

        foreach (var pass in passes)
        {
            await foreach (var batch in WalkAsync(context, path, pass, cancellation).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    /// <summary>
    /// Time windows are independent lists, so several are read at once: one window's cursor walk is a chain of
    /// round trips, and alone it would leave most of the budget unused when the API is slow to answer. Batches arrive
    /// in any order; a window's completion is reported only once every earlier window is complete too, so a bookmark
    /// set from it never skips a window still being read.
    /// </summary>
    private static async IAsyncEnumerable<RecordBatch> WindowsAsync(ReadContext context, string path,
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> passes, WindowPaging paging, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var windows = Windows(context, paging.Days).ToArray();
        var channel = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(ParallelWindows) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var completed = new bool[windows.Length];
        var frontier = 0;
        var next = -1;
        var gate = new Lock();

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < windows.Length)
            {
                var (from, to) = windows[index];
                foreach (var pass in passes)
                {
                    IReadOnlyList<KeyValuePair<string, string>> query = [.. pass, new("start_ts", Unix(from)), new("end_ts", Unix(to))];
                    await foreach (var batch in WalkAsync(context, path, query, stop.Token).ConfigureAwait(false))
                    {
                        await channel.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                    }
                }

                DateTimeOffset? through = null;
                lock (gate)
                {
                    completed[index] = true;
                    while (frontier < windows.Length && completed[frontier])
                    {
                        through = windows[frontier++].To;
                    }
                }

                if (through is not null)
                {
                    await channel.Writer.WriteAsync(new RecordBatch([]) { CompletedThrough = through }, stop.Token).ConfigureAwait(false);
                }
            }
        }

        var workers = Task.WhenAll(Enumerable.Range(0, Math.Min(ParallelWindows, windows.Length)).Select(_ => Task.Run(WorkAsync, stop.Token)));
        _ = workers.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                stop.Cancel();
            }

            channel.Writer.TryComplete(t.Exception?.GetBaseException());
        }, TaskScheduler.Default);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await workers.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopped because the reader stopped
            }
        }
    }

    private static async IAsyncEnumerable<RecordBatch> WalkAsync(
        ReadContext context, string path, IReadOnlyList<KeyValuePair<string, string>> fixedQuery, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var stream = context.Stream;
        var guard = new CursorGuard(stream.Name, $"GET {path}");
        string? cursor = null;
        var offset = 0;
        var previousKeys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var query = new List<KeyValuePair<string, string>>(fixedQuery);
            switch (stream.Paging)
            {
                case CursorPaging { Limit: { } limit }:
                    query.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
                    break;
                case WindowPaging window:
                    query.Add(new("limit", window.Limit.ToString(CultureInfo.InvariantCulture)));
                    break;
                case OffsetPaging page:
                    query.Add(new("limit", page.Limit.ToString(CultureInfo.InvariantCulture)));
                    query.Add(new("offset", offset.ToString(CultureInfo.InvariantCulture)));
                    break;
            }

            if (cursor is not null)
            {
                query.Add(new("start", cursor));
            }

            var request = new ApiRequest(HttpMethod.Get, path, query, stream.Name, MissingIsEmpty: stream.Parent is not null);
            var document = await context.Client.SendAsync(request, cancellation).ConfigureAwait(false);
            if (document is null)
            {
                yield break; // parent deleted since it was listed
            }

            var records = Envelope.Records(document, stream.RecordsKey, request);
            if (records.FirstOrDefault(r => r.ValueKind != JsonValueKind.Object) is { ValueKind: not JsonValueKind.Undefined } odd)
            {
                throw new TapException(
                    $"stream '{stream.Name}': {request} answered a '{stream.RecordsKey}' list holding a {odd.ValueKind}, not objects; " +
                    "the sync stopped here rather than drop it. Report this with the tap's version.");
            }

            if (stream.Lift.Count > 0)
            {
                records = Envelope.Lift(records, stream.Lift);
            }

            if (stream.DeduplicateAcrossPages)
            {
                records = Deduplicate(records, stream.KeyProperties, previousKeys);
            }

            var stop = ReachedOlderRecords(context, records);
            var next = Envelope.Next(document);
            yield return new RecordBatch(records, document);

            if (stop)
            {
                yield break;
            }

            switch (stream.Paging)
            {
                case CursorPaging or WindowPaging:
                    cursor = guard.Next(next, records.Count);
                    if (cursor is null)
                    {
                        yield break;
                    }

                    break;
                case OffsetPaging page when records.Count >= page.Limit:
                    offset += records.Count;
                    break;
                default:
                    yield break;
            }
        }
    }

    /// <summary>Newest-first lists (activities): once a whole page is at or before the threshold, older pages hold nothing new.</summary>
    private static bool ReachedOlderRecords(ReadContext context, IReadOnlyList<JsonElement> records)
    {
        if (context.Stream.Incremental != Incremental.NewestFirst || context.Since is not { } since || records.Count == 0)
        {
            return false;
        }

        var threshold = since.ToUnixTimeSeconds();
        return records.All(r => ReplicationValue.UnixSeconds(r, context.Stream.ReplicationKey!) is { } t && t <= threshold);
    }

    private static List<JsonElement> Deduplicate(IReadOnlyList<JsonElement> records, IReadOnlyList<string> keys, HashSet<string> previous)
    {
        var current = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<JsonElement>(records.Count);
        foreach (var record in records)
        {
            var key = string.Join('\u001f', keys.Select(k => record.TryGetProperty(k, out var v) ? v.ToString() : ""));
            if (!previous.Contains(key) && current.Add(key))
            {
                kept.Add(record);
            }
        }

        previous.Clear();
        previous.UnionWith(current);
        return kept;
    }

    private static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Passes(ReadContext context)
    {
        var types = context.Stream.TypeFilter?.Invoke(context.Config) ?? [];
        if (types.Count == 0)
        {
            return context.Stream.Passes;
        }

        return context.Stream.Passes.SelectMany(p => types.Select(t => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, new("type", t)])).ToArray();
    }

    /// <summary>Consecutive inclusive windows of at most <paramref name="days"/> days from the bookmark to the signpost.</summary>
    internal static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Windows(ReadContext context, int days)
    {
        var from = (context.Since ?? context.Config.StartDate.AddSeconds(-1)).AddSeconds(1);
        while (from <= context.Signpost)
        {
            var to = from.AddDays(days).AddSeconds(-1);
            if (to > context.Signpost)
            {
                to = context.Signpost;
            }

            yield return (from, to);
            from = to.AddSeconds(1);
        }
    }

    private static string Unix(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
