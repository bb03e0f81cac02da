using System.Diagnostics;
using System.Text.Json;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Discovery;
using TapCustomerIo.Http;
using TapCustomerIo.Json;
using TapCustomerIo.Logging;
using TapCustomerIo.Singer;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

/// <summary>
/// Runs the selected streams. Top-level streams run concurrently inside the one request budget; each parent is listed
/// once and feeds every selected child. The runner owns the state: a bookmark moves only after the records it covers
/// were written, never past the signpost (the time the sync started) and never backwards, so any STATE line a run
/// printed is safe to resume from.
/// </summary>
internal sealed partial class SyncRunner(CustomerIoClient client, TapConfig config, SingerWriter writer, TapState state, ILogger log, TimeProvider time)
{
    private readonly Lock _runningLock = new();
    private readonly SortedSet<string> _running = new(StringComparer.Ordinal);
    private DateTimeOffset _signpost;

    /// <summary>Table versions and ACTIVATE_VERSION of full-table streams; null when <c>activate_version</c> is off.</summary>
    public TableVersions? Versions { get; init; }

    /// <summary><c>--test</c>: at most one record a stream, no bookmark moves.</summary>
    public RecordQuota? Quota { get; init; }

    public async Task RunAsync(IReadOnlyList<SelectedStream> selection, CancellationToken cancellation)
    {
        _signpost = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var roots = BuildTree(selection);
        foreach (var node in roots.SelectMany(r => r.SelfAndDescendants()).Where(n => n.Selected).OrderBy(n => n.Definition.Name, StringComparer.Ordinal))
        {
            writer.WriteSchema(node.Definition.Name, node.Plan!.Schema, node.Definition.Keys(config), node.Definition.ReplicationKey);
        }

        Versions?.Begin(writer);

        var started = Stopwatch.GetTimestamp();
        log.Information("Sync started: {Count} streams selected, signpost {Signpost}", selection.Count, Rfc3339.Format(_signpost));
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(roots, progress.Token);
        try
        {
            var all = Task.WhenAll(roots.Select(root => RunRootAsync(root, failFast)));
            try
            {
                await all.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (all.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } cause)
            {
                // One stream failed and the others were cancelled because of it: report the cause, not a cancellation.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }
        }
        finally
        {
            await progress.CancelAsync().ConfigureAwait(false);
            await reporter.ConfigureAwait(false);
            // Whatever happened, the last line covers exactly what was written: every committed bookmark's records are out.
            writer.WriteState(json => state.WriteTo(json, null));
        }

        log.Information("Sync finished in {Seconds:0.0}s: {Records} records", Stopwatch.GetElapsedTime(started).TotalSeconds,
            roots.SelectMany(r => r.SelfAndDescendants()).Sum(n => n.Records));
    }

    /// <summary>Every minute, the records each stream wrote since the last report, as singer-python's counters do.</summary>
    private async Task ReportProgressAsync(IReadOnlyList<StreamNode> roots, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(60), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                foreach (var node in roots.SelectMany(r => r.SelfAndDescendants()).Where(n => n.Selected))
                {
                    if (node.TakeUnreported() is var count and > 0)
                    {
                        SingerMetrics.RecordCount(log, node.Definition.Name, count);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the sync is over
        }
    }

    private async Task RunRootAsync(StreamNode root, CancellationTokenSource failFast)
    {
        SetRunning(root.Definition.Name, true);
        var family = root.SelfAndDescendants().Select(n => n.Selected ? n.Definition.Name : $"{n.Definition.Name} (walked for its children)");
        log.Information("Starting {Streams:l}", string.Join(", ", family));
        try
        {
            await RunNodeAsync(root, [], failFast.Token).ConfigureAwait(false);
            foreach (var node in root.SelfAndDescendants())
            {
                Commit(node);
                Report(node);
                Versions?.Complete(node.Definition.Name, writer);
            }
        }
        catch
        {
            await failFast.CancelAsync().ConfigureAwait(false); // one fatal error stops the whole run, promptly
            throw;
        }
        finally
        {
            SetRunning(root.Definition.Name, false);
        }

        EmitState();
    }

    private async Task RunNodeAsync(StreamNode node, IReadOnlyList<KeyValuePair<string, string>> parentValues, CancellationToken cancellation,
        DateTimeOffset? parentCreated = null)
    {
        var definition = node.Definition;
        var context = new ReadContext(definition, client, config, log, parentValues, node.Policy, node.Selected) { ParentCreated = parentCreated };
        var isRoot = definition.Parent is null;
        await foreach (var batch in definition.Source.ReadAsync(context, cancellation).ConfigureAwait(false))
        {
            List<(IReadOnlyList<KeyValuePair<string, string>> Values, DateTimeOffset? Created)> childContexts;
            using (batch)
            {
                var taken = Quota?.Limit(node, batch) ?? batch;
                Write(node, taken, parentValues);
                childContexts = node.Children.Count == 0 ? [] : ChildContexts(node, taken.Records, parentValues, taken.RecordExtras);
                if (node.Policy.AtWindowEnd(taken.CompletedThrough) is { } through)
                {
                    state.Advance(definition, through); // every delivery created up to the window's end has been written
                }
            }

            if (childContexts.Count > 0)
            {
                var work = childContexts.SelectMany(parent => node.Children.Select(child => (child, parent)));
                var gate = new ChildGate(() => ChildBytes(node));
                await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = ChildGate.MaxChildren, CancellationToken = cancellation },
                    async (item, token) =>
                    {
                        await gate.EnterAsync(token).ConfigureAwait(false);
                        try
                        {
                            await RunNodeAsync(item.child, item.parent.Values, token, item.parent.Created).ConfigureAwait(false);
                        }
                        finally
                        {
                            gate.Exit();
                        }
                    }).ConfigureAwait(false);
            }

            if (isRoot && (batch.Records.Count > 0 || batch.CompletedThrough is not null))
            {
                EmitState();
            }

            if (Quota?.Reached(node) == true)
            {
                break;
            }
        }
    }

    /// <summary>
    /// The most a child of <paramref name="node"/> holds in pages at once (its largest page so far times the lanes it
    /// reads together, its own children included); null until one of them has had a page. The largest, not the last:
    /// segments differ by orders of magnitude, and after a small segment's page the gate let eight children start, each
    /// of which could be a large segment (a 40 MB spike of response buffers and indexes, the peak of a large sync when
    /// the target reads as fast as the tap writes: docs/performance.md, fifth pass).
    /// </summary>
    private long? ChildBytes(StreamNode node)
    {
        long? largest = null;
        foreach (var child in node.Children.SelectMany(c => c.SelfAndDescendants()))
        {
            if (client.LargestBodySize(child.Definition.Name) is { } size)
            {
                largest = Math.Max(largest ?? 0, (long)size * Math.Max(1, child.Definition.Paging.ParallelLanes));
            }
        }

        return largest;
    }

    private void Write(StreamNode node, RecordBatch batch, IReadOnlyList<KeyValuePair<string, string>> parentValues)
    {
        var records = node.Policy.Keep(batch.Records);
        if (node.Plan is { } plan && records.Count > 0)
        {
            var extras = batch.Extras.Count == 0 ? parentValues : Merge(parentValues, batch.Extras);
            writer.WriteRecords(plan, records, extras, Rfc3339.Format(time.GetUtcNow()),
                field => log.Information("{Stream}: field '{Field}' is not in the schema, so it is not emitted", plan.Stream, field),
                Versions?.Of(plan.Stream), batch.RecordExtras);
            node.Wrote(records.Count);
        }
    }

    /// <summary>
    /// Each parent record's context values, and when it was created where a child's link reads that (also what
    /// <c>--estimate</c> samples).
    /// </summary>
    internal static List<(IReadOnlyList<KeyValuePair<string, string>> Values, DateTimeOffset? Created)> ChildContexts(
        StreamNode node, IReadOnlyList<RawValue> records, IReadOnlyList<KeyValuePair<string, string>> parentValues,
        Func<RawValue, IReadOnlyList<KeyValuePair<string, string?>>>? recordExtras = null)
    {
        var contexts = new List<(IReadOnlyList<KeyValuePair<string, string>>, DateTimeOffset?)>(records.Count);
        var fields = node.Children.SelectMany(c => c.Definition.Parent!.Fields).DistinctBy(f => f.Key).ToArray();
        var created = node.Children.Select(c => c.Definition.Parent!.Created).FirstOrDefault(c => c is not null);
        foreach (var record in records)
        {
            var values = new List<KeyValuePair<string, string>>(fields.Length);
            var own = recordExtras?.Invoke(record) ?? [];
            foreach (var (childField, parentField) in fields)
            {
                if (own.FirstOrDefault(o => o.Key == parentField).Value is { } computed)
                {
                    values.Add(new(childField, computed));
                }
                else if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty(parentField, out var value)
                    && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    values.Add(new(childField, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
                }
            }

            if (values.Count == fields.Length)
            {
                contexts.Add((Merge(parentValues, values), created?.Invoke(record)));
            }
        }

        return contexts;
    }

    /// <summary>Context values with <paramref name="overrides"/> replacing same-named ones (a grandchild restates its parent's ids).</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Merge(
        IReadOnlyList<KeyValuePair<string, string>> values, IReadOnlyList<KeyValuePair<string, string>> overrides) =>
        [.. values.Where(v => !overrides.Any(o => o.Key == v.Key)), .. overrides];

    /// <summary>At the end of a stream: its bookmark moves where its policy says (windows: to the signpost).</summary>
    private void Commit(StreamNode node)
    {
        if (node.Policy.AtStreamEnd() is { } value)
        {
            state.Advance(node.Definition, value);
        }
    }

    private void Report(StreamNode node)
    {
        state.RecordRequests(node.Definition.Name, client.AttemptsByStream.GetValueOrDefault(node.Definition.Name)); // what --estimate reads next time
        if (!node.Selected)
        {
            log.Information("{Stream}: walked for its children, {Requests} requests", node.Definition.Name,
                client.AttemptsByStream.GetValueOrDefault(node.Definition.Name));
            return;
        }

        SingerMetrics.RecordCount(log, node.Definition.Name, node.TakeUnreported());
        log.Information("{Stream}: {Records} records, {Requests} requests", node.Definition.Name, node.Records,
            client.AttemptsByStream.GetValueOrDefault(node.Definition.Name));
        if (node.Policy.FutureSkipped > 0)
        {
            log.Warning("{Stream}: {Count} records dated after the sync started were left for the next run", node.Definition.Name, node.Policy.FutureSkipped);
        }
    }

    private void EmitState()
    {
        string? current;
        lock (_runningLock)
        {
            current = _running.Count > 0 ? _running.Min : null;
        }

        writer.WriteState(json => state.WriteTo(json, current)); // read under the writer's lock: STATE never steps back
    }

    private void SetRunning(string name, bool running)
    {
        lock (_runningLock)
        {
            _ = running ? _running.Add(name) : _running.Remove(name);
        }
    }
}
