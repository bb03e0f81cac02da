using System.Globalization;
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
internal sealed record ProbeResult(double Calls, double Chain, IReadOnlyList<ParentContext> Children, bool Exact);

/// <summary>One parent context, as the sync hands it to a child: the parent ids and, where a child's link reads it, the parent's creation.</summary>
internal readonly record struct ParentContext(IReadOnlyList<KeyValuePair<string, string>> Values, DateTimeOffset? Created);

/// <summary>
/// Reads one stream in one parent context the way the sync does, counting the calls, except where that would cost
/// as much as the sync: people are only searched (1,000 ids a call; the profile calls, 100 ids each, follow from the
/// count), and a time window is read up to <see cref="PagesPerWindow"/> pages, the rest extrapolated from how much of
/// the window those pages covered (delivery lists are newest first).
/// </summary>
internal sealed class ReadProbe(CustomerIoClient client, TapConfig config, ILogger log)
{
    private const int PagesPerWindow = 2;
    private const int ProfilesPerCall = 100; // CustomersSource's batch

    public long Spent => client.AttemptsByStream.Values.Sum(v => (long)v);

    /// <summary>The context the sync reads <paramref name="node"/> in; people are only searched (their profiles are counted, not fetched).</summary>
    public ReadContext Context(StreamNode node, ParentContext parent) =>
        new(node.Definition, client, config, log, parent.Values, node.Policy, Emitting: node.Selected && node.Definition.Source is not CustomersSource)
        {
            ParentCreated = parent.Created,
        };

    public async Task<ProbeResult> ReadAsync(StreamNode node, ParentContext parent, CancellationToken cancellation)
    {
        var definition = node.Definition;
        var people = definition.Source is CustomersSource;
        var context = Context(node, parent);
        if (definition.Paging.FiltersByTime && definition.Source is StreamReader)
        {
            return await WindowsAsync(context, cancellation).ConfigureAwait(false);
        }

        var before = Spent;
        var children = new List<ParentContext>();
        double profiles = 0;
        await foreach (var batch in definition.Source.ReadAsync(context, cancellation).ConfigureAwait(false))
        {
            using (batch)
            {
                if (node.Children.Count > 0)
                {
                    children.AddRange(SyncRunner.ChildContexts(node, batch.Records, parent.Values, batch.RecordExtras).Select(c => new ParentContext(c.Values, c.Created)));
                }

                // The search page's ids, fetched by the sync in calls of 100 when the people are written.
                profiles += people && node.Selected ? Math.Ceiling(batch.Records.Count / (double)ProfilesPerCall) : 0;
            }
        }

        var calls = Spent - before;
        var passes = definition.Source is StreamReader ? StreamReader.Passes(context, []).Count : 1;
        return new ProbeResult(calls + profiles, Math.Ceiling(calls / (double)passes), children, Exact: true);
    }

    /// <summary>Each window's first pages: a window that ends within them is exact, a longer one extrapolated.</summary>
    private async Task<ProbeResult> WindowsAsync(ReadContext context, CancellationToken cancellation)
    {
        var stream = context.Stream;
        var paging = stream.Paging.For(config); // the configured window length, as the reader uses it
        var limit = paging is WindowStyle windows ? windows.Limit : 1000;
        var path = context.ResolvePath(stream.Path);
        var from = context.Policy.WindowsFrom(context.ParentCreated); // a parent's windows start at its creation
        var lanes = paging.Lanes(from, context.Policy.Signpost);
        double calls = 0, chain = 0;
        var exact = true;
        foreach (var lane in lanes)
        {
            foreach (var pass in StreamReader.Passes(context, []))
            {
                var list = new ApiRequest(HttpMethod.Get, path, [.. pass, .. lane.Query], stream.Name, null, MissingIsEmpty: stream.Paging.NotFoundEnds);
                var (pages, more) = await FirstPagesAsync(list, context, lane, from, limit, cancellation).ConfigureAwait(false);
                exact &= more == 0;
                calls += pages + more;
                chain = Math.Max(chain, pages + more);
            }
        }

        // Windows are read ParallelLanes at once: the chain is the longest window, or the windows one after the other.
        chain = Math.Max(chain, calls / Math.Max(1, paging.ParallelLanes));
        return new ProbeResult(calls, chain, [], exact);
    }

    /// <summary>The pages read, and the pages estimated to follow them (0 when the window ended).</summary>
    private async Task<(int Pages, double More)> FirstPagesAsync(ApiRequest list, ReadContext context, PageLane lane, DateTimeOffset from, int limit,
        CancellationToken cancellation)
    {
        var stream = context.Stream;
        int pages = 0, records = 0;
        long? oldest = null;
        await foreach (var page in PageWalk.ReadAsync(client, list, stream.RecordsKey, stream.Paging.Start(), prefetch: false, cancellation)
            .ConfigureAwait(false))
        {
            using (page.Document)
            {
                pages++;
                records += page.Records.Count;
                foreach (var record in page.Records)
                {
                    if (ReplicationValue.UnixSeconds(record, stream.ReplicationKey ?? "created") is { } created && (oldest is null || created < oldest))
                    {
                        oldest = created;
                    }
                }

                if (pages >= PagesPerWindow && !string.IsNullOrEmpty(page.Next))
                {
                    return (pages, More(lane, from, context.Policy.Signpost, records, oldest, limit));
                }
            }
        }

        return (pages, 0);
    }

    /// <summary>
    /// The pages left in a window read newest first down to <paramref name="oldest"/>: its records at the rate seen so
    /// far over the rest of the window, at least one more page.
    /// </summary>
    private static double More(PageLane lane, DateTimeOffset from, DateTimeOffset signpost, int records, long? oldest, int limit)
    {
        var start = lane.Query.FirstOrDefault(q => q.Key == "start_ts").Value is { } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ts) ? ts : from.ToUnixTimeSeconds();
        var end = (lane.Through ?? signpost).ToUnixTimeSeconds();
        if (records == 0 || oldest is not { } low || low <= start || end <= low)
        {
            return 1;
        }

        var rest = records * (double)(low - start) / (end - low);
        return Math.Max(1, Math.Ceiling(rest / limit));
    }
}
