using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Http;
using TapCustomerIo.Paging;
using TapCustomerIo.Streams;
using TapCustomerIo.Streams.Custom;
using TapCustomerIo.Sync;
using StreamReader = TapCustomerIo.Streams.StreamReader;

namespace TapCustomerIo.Planning;

/// <summary>What reading one stream in one parent context cost, and the contexts it gives the children.</summary>
/// <param name="Fresh">
/// Walks the sync will start with a request the probe did not send (the window ending at the sync's own start, the
/// pieces of a divided window), each holding data: the API may answer such a walk's first page empty with a cursor,
/// one call more at the rate the probe saw (<see cref="ReadProbe.EmptyFirstPageRate"/>).
/// </param>
/// <param name="Listed">Per child whose ids the records carry (<see cref="ListedChildren"/>): the children and their reads' calls.</param>
internal sealed record ProbeResult(double Calls, double Chain, IReadOnlyList<ParentContext> Children, bool Exact, double Fresh = 0,
    IReadOnlyDictionary<string, ListedCount>? Listed = null);

/// <summary>One window of one read (every pass): its planned calls and fresh walks, its longest walk, and whether the parent answered 404.</summary>
internal readonly record struct WindowRead(double Calls, double Fresh, double Chain, bool Exact, bool Gone);

/// <summary>One parent context, as the sync hands it to a child: the parent ids and, where a child's link reads it, the parent's creation.</summary>
internal readonly record struct ParentContext(IReadOnlyList<KeyValuePair<string, string>> Values, DateTimeOffset? Created);

/// <summary>
/// Reads one stream in one parent context the way the sync does, counting the calls, except where that would cost
/// as much as the sync: people are only searched (1,000 ids a call; the profile calls, 100 ids each, follow from the
/// count); a time window is read to its first page with data, and the rest planned from the time that page covers as
/// the sync would read it (divided into pieces where the sync divides it); a newest-first list is read
/// <see cref="NewestFirstPages"/> pages, the rest extrapolated back to its horizon.
/// </summary>
internal sealed class ReadProbe(CustomerIoClient client, TapConfig config, ILogger log)
{
    private const int NewestFirstPages = 2;
    private const int ProfilesPerCall = 100; // CustomersSource's batch

    /// <summary>Empty pages read before a window's data; past this the window is planned as it stands.</summary>
    private const int MaxEmptyPages = 4;

    /// <summary>Halvings that place the start of the data in the first window holding any (<see cref="DataStartAsync"/>).</summary>
    private const int DataStartSteps = 2;

    /// <summary>
    /// The activity log keeps about the last 30 days (docs/customerio-api.md, activities: "retention"): a newest-first
    /// list is extrapolated no further back than this before the sync's start.
    /// </summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private int _dataWalks;
    private int _emptyFirstPages;

    public long Spent => client.AttemptsByStream.Values.Sum(v => (long)v);

    /// <summary>
    /// How often a walk that holds data began with an empty page carrying a cursor (the API's documented quirk), over
    /// every window the probe read: (seen + 1) / (windows + 2), so a few windows do not make it 0 or 1.
    /// </summary>
    public double EmptyFirstPageRate => (_emptyFirstPages + 1.0) / (_dataWalks + 2.0);

    /// <summary>The context the sync reads <paramref name="node"/> in; people are only searched (their profiles are counted, not fetched).</summary>
    public ReadContext Context(StreamNode node, ParentContext parent) =>
        new(node.Definition, client, config, log, parent.Values, node.Policy, Emitting: node.Selected && node.Definition.Source is not CustomersSource)
        {
            ParentCreated = parent.Created,
        };

    /// <summary>
    /// <paramref name="people"/>, the people of a windowed child, dated as the sync dates them: where the people are
    /// written, the sync fetches their profiles and a person's windows start at its creation. One call per 100 people.
    /// </summary>
    public async Task<List<ParentContext>> DatedAsync(StreamNode parent, StreamNode child, List<ParentContext> people, CancellationToken cancellation)
    {
        if (parent.Definition.Source is not CustomersSource || !parent.Selected || !child.Definition.Paging.FiltersByTime
            || child.Definition.Parent is not { Created: { } created } link || people.All(p => p.Created is not null))
        {
            return people;
        }

        var (key, field) = link.Fields[0];
        var context = Context(parent, new ParentContext([], null)) with { Emitting = true };
        var dates = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var ids in people.Select(p => Value(p, key)).OfType<string>().Chunk(ProfilesPerCall))
        {
            using var profiles = await CustomersSource.HydrateAsync(context, ids, cancellation).ConfigureAwait(false);
            foreach (var person in profiles.Records)
            {
                // A profile's identifiers come beside it (RecordExtras): the live shape holds cio_id in `identifiers`.
                var value = profiles.RecordExtras?.Invoke(person).FirstOrDefault(e => e.Key == field).Value
                    ?? (person.TryGetProperty(field, out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null);
                if (value is not null)
                {
                    dates[value] = created(person);
                }
            }
        }

        return [.. people.Select(p => Value(p, key) is { } id && dates.TryGetValue(id, out var at) ? p with { Created = at } : p)];
    }

    /// <summary>The windows reading <paramref name="node"/> in each of <paramref name="parents"/> walks (each at least a call).</summary>
    public double Windows(StreamNode node, IEnumerable<ParentContext> parents) =>
        parents.Sum(parent => (double)Lanes(node, parent) * Passes(node, parent));

    /// <summary>The windows (lanes) one read of <paramref name="node"/> in <paramref name="parent"/> walks.</summary>
    public int Lanes(StreamNode node, ParentContext parent) => StreamReader.Lanes(Context(node, parent)).Lanes.Count;

    /// <summary>The passes each window of one read of <paramref name="node"/> in <paramref name="parent"/> walks.</summary>
    public int Passes(StreamNode node, ParentContext parent) => StreamReader.Passes(Context(node, parent), []).Count;

    /// <summary>The windows one read of <paramref name="node"/> walks at once.</summary>
    public int ParallelLanes(StreamNode node, ParentContext parent) => Math.Max(1, StreamReader.Lanes(Context(node, parent)).Paging.ParallelLanes);

    private static string? Value(ParentContext context, string key) => context.Values.FirstOrDefault(v => v.Key == key).Value;

    public async Task<ProbeResult> ReadAsync(StreamNode node, ParentContext parent, CancellationToken cancellation)
    {
        var definition = node.Definition;
        var people = definition.Source is CustomersSource;
        var context = Context(node, parent);
        if (definition.Source is StreamReader && definition.Paging.FiltersByTime)
        {
            return await WindowsAsync(context, cancellation).ConfigureAwait(false);
        }

        if (definition.Source is StreamReader && definition.Incremental == Incremental.NewestFirst && node.Children.Count == 0)
        {
            return await NewestFirstAsync(context, cancellation).ConfigureAwait(false);
        }

        var before = Spent;
        var children = new List<ParentContext>();
        var listed = ListedChildren.Counter(node, this, parent);
        double profiles = 0;
        await foreach (var batch in definition.Source.ReadAsync(context, cancellation).ConfigureAwait(false))
        {
            using (batch)
            {
                if (node.Children.Count > 0)
                {
                    children.AddRange(SyncRunner.ChildContexts(node, batch.Records, parent.Values, batch.RecordExtras).Select(c => new ParentContext(c.Values, c.Created)));
                    listed?.Add(batch.Records);
                }

                // The search page's ids, fetched by the sync in calls of 100 when the people are written.
                profiles += people && node.Selected ? Math.Ceiling(batch.Records.Count / (double)ProfilesPerCall) : 0;
            }
        }

        var calls = Spent - before;
        var passes = definition.Source is StreamReader ? StreamReader.Passes(context, []).Count : 1;
        return new ProbeResult(calls + profiles, Math.Ceiling(calls / (double)passes), children, Exact: true, Listed: listed?.Counts);
    }

    /// <summary>Each window to its first page with data; the rest planned from it (<see cref="WindowPlan"/>).</summary>
    private async Task<ProbeResult> WindowsAsync(ReadContext context, CancellationToken cancellation)
    {
        var (paging, lanes) = StreamReader.Lanes(context);
        double calls = 0, chain = 0, fresh = 0;
        var exact = true;
        var seen = new bool[StreamReader.Passes(context, []).Count]; // a pass's data began in an earlier window
        for (var l = 0; l < lanes.Count; l++)
        {
            var window = await LaneAsync(context, l, seen, cancellation).ConfigureAwait(false);
            if (window.Gone)
            {
                // The parent was deleted since it was listed: the sync stops at its first 404 (GoneCalls).
                return new ProbeResult(GoneCalls(context), 1, [], Exact: true);
            }

            exact &= window.Exact;
            calls += window.Calls;
            fresh += window.Fresh;
            chain = Math.Max(chain, window.Chain);
        }

        // Windows are read ParallelLanes at once: the chain is the longest window, or the windows one after the other.
        chain = Math.Max(chain, (calls + fresh) / Math.Max(1, paging.ParallelLanes));
        return new ProbeResult(calls, chain, [], exact, fresh);
    }

    /// <summary>
    /// Window <paramref name="lane"/> of one read of <paramref name="node"/> in <paramref name="parent"/>, alone (every
    /// pass of it): for a parent whose windows start at its creation, so no earlier window tells where its data begins.
    /// </summary>
    public Task<WindowRead> WindowAsync(StreamNode node, ParentContext parent, int lane, CancellationToken cancellation) =>
        LaneAsync(Context(node, parent), lane, seen: null, cancellation);

    /// <summary>
    /// The calls the sync makes for a parent that answers 404: the windows it starts at once, each sends its first
    /// request before any answer stops the rest (<see cref="StreamReader"/>).
    /// </summary>
    public static double GoneCalls(ReadContext context)
    {
        var (paging, lanes) = StreamReader.Lanes(context);
        return Math.Min(lanes.Count, Math.Max(1, paging.ParallelLanes));
    }

    /// <param name="seen">Per pass, whether its data began in an earlier window; null where the windows start at the parent's creation.</param>
    private async Task<WindowRead> LaneAsync(ReadContext context, int l, bool[]? seen, CancellationToken cancellation)
    {
        var stream = context.Stream;
        var (paging, lanes) = StreamReader.Lanes(context);
        var lane = lanes[l];
        var path = context.ResolvePath(stream.Path);
        var passes = StreamReader.Passes(context, []);
        double calls = 0, fresh = 0, chain = 0;
        var exact = true;
        var gone = false;
        for (var p = 0; p < passes.Count && !gone; p++)
        {
            var list = new ApiRequest(HttpMethod.Get, path, [.. passes[p], .. lane.Query], stream.Name, null, MissingIsEmpty: paging.NotFoundEnds);
            var first = await FirstDataAsync(list, context, paging, () => gone = true, cancellation).ConfigureAwait(false);
            long? dataFrom = null;
            if (first.Records > 0)
            {
                _dataWalks++;
                _emptyFirstPages += first.EmptyPages > 0 ? 1 : 0;

                // The first window with data after empty ones (start_date before the first delivery) holds data
                // from some point on: look where, unless the windows start at the parent's creation.
                if (seen is not null && !seen[p] && l > 0 && first.More && context.ParentCreated is null && first.Last is { } tail)
                {
                    dataFrom = await DataStartAsync(path, passes[p], context, paging, lane.From!.Value.ToUnixTimeSeconds(), tail, cancellation)
                        .ConfigureAwait(false);
                }

                seen?[p] = true;
            }

            var plan = WindowPlan.Of(paging as WindowStyle, lane, first, repeated: lane.Through != context.Signpost, dataFrom,
                StreamReader.MaxPieces(context));
            exact &= plan.Exact;
            calls += plan.Calls;
            fresh += plan.Fresh;
            chain = Math.Max(chain, plan.Calls + plan.Fresh);
        }

        return new WindowRead(calls, fresh, chain, exact, gone);
    }

    /// <summary>
    /// Where data starts between <paramref name="from"/> and <paramref name="tail"/> (the oldest record of the first
    /// page), to a quarter of that span: <see cref="DataStartSteps"/> halvings, each a one-record request that has data
    /// when it lists a record or a cursor. The middle of the last interval.
    /// </summary>
    private async Task<long> DataStartAsync(string path, IReadOnlyList<KeyValuePair<string, string>> pass, ReadContext context, PageStyle paging,
        long from, long tail, CancellationToken cancellation)
    {
        var (low, high) = (from, tail);
        for (var step = 0; step < DataStartSteps && low < high; step++)
        {
            var middle = low + (high - low) / 2;
            var list = new ApiRequest(HttpMethod.Get, path, [.. pass, new("start_ts", Unix(low)), new("end_ts", Unix(middle))], context.Stream.Name,
                null, MissingIsEmpty: paging.NotFoundEnds);
            var data = false;
            await foreach (var page in PageWalk.ReadAsync(client, list, context.Stream.RecordsKey, new CursorPaginator(1, emptyPageEnds: false),
                prefetch: false, cancellation).ConfigureAwait(false))
            {
                using (page.Document)
                {
                    data = page.Records.Count > 0 || !string.IsNullOrEmpty(page.Next);
                    break;
                }
            }

            (low, high) = data ? (low, middle) : (middle + 1, high);
        }

        return low + (high - low) / 2;
    }

    private static string Unix(long seconds) => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The pages of a walk up to its first with records (or its end), and that page's facts.</summary>
    private async Task<FirstData> FirstDataAsync(ApiRequest list, ReadContext context, PageStyle paging, Action missing,
        CancellationToken cancellation)
    {
        var key = context.Stream.ReplicationKey ?? "created";
        var empty = 0;
        await foreach (var page in PageWalk.ReadAsync(client, list, context.Stream.RecordsKey, paging.Start(), prefetch: false, cancellation, missing)
            .ConfigureAwait(false))
        {
            using (page.Document)
            {
                var more = !string.IsNullOrEmpty(page.Next);
                if (page.Records.Count > 0)
                {
                    return new FirstData(empty, page.Records.Count, ReplicationValue.UnixSeconds(page.Records[0], key),
                        ReplicationValue.UnixSeconds(page.Records[^1], key), more);
                }

                empty++;
                if (more && empty >= MaxEmptyPages)
                {
                    return new FirstData(empty, 0, null, null, More: true);
                }
            }
        }

        return new FirstData(empty, 0, null, null, More: false);
    }

    /// <summary>
    /// A newest-first list (activities): <see cref="NewestFirstPages"/> pages, then, where the sync would read on, the
    /// records older than those at the rate they came, back to the threshold or the log's <see cref="Retention"/>.
    /// </summary>
    private async Task<ProbeResult> NewestFirstAsync(ReadContext context, CancellationToken cancellation)
    {
        var stream = context.Stream;
        var paging = stream.Paging.For(config);
        var path = context.ResolvePath(stream.Path);
        var signpost = context.Signpost.ToUnixTimeSeconds();
        var retained = signpost - (long)Retention.TotalSeconds;
        double calls = 0;
        var exact = true;
        foreach (var pass in StreamReader.Passes(context, []))
        {
            var list = new ApiRequest(HttpMethod.Get, path, pass, stream.Name, null, MissingIsEmpty: paging.NotFoundEnds);
            int pages = 0, records = 0, firstPage = 0;
            long? newest = null, oldest = null;
            var ended = true;
            await foreach (var page in PageWalk.ReadAsync(client, list, stream.RecordsKey, paging.Start(), prefetch: false, cancellation)
                .ConfigureAwait(false))
            {
                using (page.Document)
                {
                    pages++;
                    records += page.Records.Count;
                    firstPage = pages == 1 ? page.Records.Count : firstPage;
                    foreach (var record in page.Records)
                    {
                        // Future-dated records (the API lists a few on top) say nothing about the rate.
                        if (ReplicationValue.UnixSeconds(record, stream.ReplicationKey!) is { } at && at <= signpost)
                        {
                            newest = Math.Max(newest ?? at, at);
                            oldest = Math.Min(oldest ?? at, at);
                        }
                    }

                    // Where the sync stops: an older page (nothing newer follows), the end, an empty page where it ends the list.
                    ended = context.Policy.NothingNewerAfter(page.Records) || string.IsNullOrEmpty(page.Next)
                        || (paging.EmptyPageEnds && page.Records.Count == 0);
                    if (ended || pages >= NewestFirstPages)
                    {
                        break;
                    }
                }
            }

            calls += pages;
            if (!ended)
            {
                exact = false;
                var limit = paging is CursorStyle { Limit: { } declared } ? declared : Math.Max(1, firstPage);
                calls += MorePages(records, newest, oldest, retained, context.Since?.ToUnixTimeSeconds(), limit, pages);
            }
        }

        return new ProbeResult(calls, calls, [], exact);
    }

    /// <summary>
    /// The pages after <paramref name="read"/> of a newest-first list: the records between the oldest read and the
    /// horizon (the threshold, or the log's retention if later) at the rate of those read; at a threshold the sync reads
    /// one page more, wholly older, to know it may stop. At least one page (the cursor said there is one).
    /// </summary>
    private static double MorePages(int records, long? newest, long? oldest, long retained, long? since, int limit, int read)
    {
        if (newest is not { } high || oldest is not { } low)
        {
            return 1;
        }

        var horizon = Math.Max(retained, since ?? long.MinValue);
        var rest = low <= horizon ? 0 : records * (double)(low - horizon) / Math.Max(1, high - low + 1);
        var closing = since is { } threshold && threshold >= retained ? 1 : 0;
        return Math.Max(1, Math.Ceiling((records + rest) / limit) + closing - read);
    }
}
