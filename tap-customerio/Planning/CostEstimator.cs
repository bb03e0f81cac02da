using System.Diagnostics;
using TapCustomerIo.Config;
using TapCustomerIo.Streams;
using TapCustomerIo.Sync;

namespace TapCustomerIo.Planning;

/// <summary>
/// <c>--estimate</c>: walks the tree the sync would run (selected streams and the parents walked for them, each with the
/// policy its bookmark gives) and counts the calls each would make. Top-level lists are read for real; a child is read
/// in a sample of its parents (<see cref="SampleSize"/>, drawn at random so a pattern in the list cannot bias it), and its
/// calls per parent scaled to the parents' count. A childless stream whose calls per read follow from its declaration
/// (<see cref="DeclaredCost"/>) is not read at all, nor a child its parents' records list (<see cref="ListedChildren"/>).
/// A windowed child read in every parent, each dated, is sampled window by window (<see cref="WindowSample"/>), last,
/// within what the rest of the probe left of its bound.
/// A stream whose reads do not depend on a bookmark, with a cost recorded by the last run in the state, takes that
/// figure instead of a probe.
/// </summary>
internal sealed class CostEstimator(ReadProbe probe, TapConfig config, TapState state)
{
    private const int MinSample = 12;
    private const int MaxSample = 40;
    private const double SampleShare = 0.05;

    /// <summary>The probe's bound (issue 13): a tenth of the calls of the sync it plans, or 50, whichever is larger.</summary>
    private const int ProbeFloor = 50;
    private const double ProbeShare = 0.10;

    /// <summary>Calls of the bound kept back: a window may cost a call or two more than the budget left when it began.</summary>
    private const int Reserve = 2;

    /// <summary>Calls each windowed child may spend however tight the bound (or an even share of what is left, if less).</summary>
    private const int MinWindowCalls = 6;

    private readonly List<(WindowSample Sample, bool Exact)> _windowed = [];

    public async Task<CostPlan> EstimateAsync(IReadOnlyList<StreamNode> roots, CancellationToken cancellation)
    {
        var costs = new List<Planned>();
        var started = Stopwatch.GetTimestamp();
        foreach (var root in roots)
        {
            await EstimateAsync(null, root, [new ParentContext([], null)], 1, exact: true, costs, cancellation).ConfigureAwait(false);
        }

        await SampleWindowsAsync(costs, cancellation).ConfigureAwait(false);

        // Walks whose first page may come back empty cost one call more at the rate seen over every window read.
        var rate = probe.EmptyFirstPageRate;
        var planned = costs.Select(p => p.Fresh == 0 ? p.Cost
            : p.Cost with { Requests = p.Cost.Requests + p.Fresh * rate, Basis = p.Cost.Basis == CostBasis.Exact ? CostBasis.Extrapolated : p.Cost.Basis });

        // The probe reads one call at a time: its seconds per call are the latency (or the budget's spacing, if longer).
        var spent = probe.Spent;
        var latency = spent == 0 ? 0 : Stopwatch.GetElapsedTime(started).TotalSeconds / spent;
        return new CostPlan([.. planned.OrderBy(c => c.Stream, StringComparer.Ordinal)], config.MaxRequestsPerSecond, latency, spent);
    }

    /// <param name="parentNode">The node whose records gave <paramref name="contexts"/>; null for a root.</param>
    /// <param name="contexts">The parent contexts the probe saw (all of them, or those of the sampled parents).</param>
    /// <param name="parents">How many parent contexts the sync will have.</param>
    private async Task EstimateAsync(StreamNode? parentNode, StreamNode node, IReadOnlyList<ParentContext> contexts, double parents,
        bool exact, List<Planned> costs, CancellationToken cancellation)
    {
        if (Recorded(node))
        {
            foreach (var recorded in node.SelfAndDescendants())
            {
                costs.Add(new(new StreamCost(recorded.Definition.Name, state.RecordedRequests(recorded.Definition.Name)!.Value, 1, CostBasis.Recorded,
                    recorded.Selected)));
            }

            return;
        }

        if (node.Children.Count == 0 && contexts.Count > 0 && DeclaredCost.PerRead(probe.Context(node, contexts[0])) is { } perRead)
        {
            costs.Add(new(new StreamCost(node.Definition.Name, parents * perRead, perRead, Basis(exact), node.Selected)));
            return;
        }

        var dated = parentNode is null ? contexts : await probe.DatedAsync(parentNode, node, [.. contexts], cancellation).ConfigureAwait(false);
        if (parentNode is not null && WindowSample.For(probe, node, dated, parents) is { } windows)
        {
            _windowed.Add((windows, exact));
            return;
        }

        var sample = Pick(dated, SampleSize(parents));
        exact &= sample.Count == contexts.Count && contexts.Count == parents;
        double calls = 0, chain = 0, children = 0, fresh = 0;
        var childContexts = new List<ParentContext>();
        IReadOnlyDictionary<string, ListedCount>? listed = null; // the children every parent read listed, summed
        foreach (var parent in sample)
        {
            var result = await probe.ReadAsync(node, parent, cancellation).ConfigureAwait(false);
            calls += result.Calls;
            fresh += result.Fresh;
            chain = Math.Max(chain, result.Chain);
            children += result.Children.Count;
            childContexts.AddRange(result.Children);
            exact &= result.Exact;
            listed = ListedCount.Both(listed, result.Listed);
        }

        var scale = sample.Count == 0 ? 0 : parents / sample.Count;
        var planned = calls * scale;
        if (node.Definition.Paging.FiltersByTime && sample.Count < dated.Count && dated.Count == parents)
        {
            // Every parent's windows follow from its creation: only the calls beyond one a window are scaled from the sample.
            planned = probe.Windows(node, dated) + (calls - probe.Windows(node, sample)) * scale;
        }

        costs.Add(new(new StreamCost(node.Definition.Name, planned, chain, Basis(exact), node.Selected), fresh * scale));
        foreach (var child in node.Children)
        {
            if (listed?.TryGetValue(child.Definition.Name, out var count) == true && !Recorded(child) && childContexts.Count > 0)
            {
                Listed(child, count, scale, exact, childContexts[0], costs);
                continue;
            }

            await EstimateAsync(node, child, childContexts, children * scale, exact, costs, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The windowed children sampled window by window: every window counts toward the sync the probe is bounded by,
    /// and what the rest of the probe left of that bound is shared among them by their windows. None reads more
    /// windows than <see cref="SampleSize"/> of its parents hold on average; those for which that is the smallest part
    /// of their windows go first, so what they leave of their share goes to the others (a stream of thousands of people
    /// does not starve one of a few campaigns).
    /// </summary>
    private async Task SampleWindowsAsync(List<Planned> costs, CancellationToken cancellation)
    {
        var known = costs.Sum(c => c.Cost.Requests) + _windowed.Sum(w => w.Sample.Windows);
        var bound = Math.Max(ProbeFloor, known * ProbeShare) - Reserve;
        var ordered = _windowed.Select(w => (w.Sample, w.Exact, Most: (int)Math.Ceiling(SampleSize(w.Sample.Parents) * (double)w.Sample.Units / w.Sample.Parents)))
            .OrderBy(w => (double)w.Most / w.Sample.Units).ToList();
        _windowed.Clear();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (sample, exact, most) = ordered[i];
            var left = bound - probe.Spent;
            var share = left * sample.Windows / Math.Max(1, ordered.Skip(i).Sum(w => w.Sample.Windows));
            var budget = Math.Max(share, Math.Min(MinWindowCalls, left / (ordered.Count - i)));
            var (cost, fresh) = await sample.PlanAsync(budget, most, exact, cancellation).ConfigureAwait(false);
            costs.Add(new(cost, fresh));
        }
    }

    /// <summary>A child counted in its parents' records, and its children, one call a record each (metrics).</summary>
    private void Listed(StreamNode child, ListedCount count, double scale, bool exact, ParentContext parent, List<Planned> costs)
    {
        costs.Add(new(new StreamCost(child.Definition.Name, count.Calls * scale, count.MostCalls, Basis(exact), child.Selected)));
        foreach (var metric in child.Children)
        {
            var perRead = DeclaredCost.PerRead(probe.Context(metric, parent))!.Value;
            costs.Add(new(new StreamCost(metric.Definition.Name, count.Records * scale * perRead, perRead, Basis(exact), metric.Selected)));
        }
    }

    private static CostBasis Basis(bool exact) => exact ? CostBasis.Exact : CostBasis.Extrapolated;

    /// <summary>
    /// The last run's cost stands for this one when the stream and everything under it read the same whatever the
    /// bookmark (full-table lists, lists compared here): only windows and newest-first lists read less after a bookmark.
    /// </summary>
    private bool Recorded(StreamNode node) =>
        node.SelfAndDescendants().All(n => n.Definition.Incremental is Incremental.FullTable or Incremental.ClientSide
            && state.RecordedRequests(n.Definition.Name) is not null);

    /// <summary>A few parents of a short list, a twentieth of a long one, never more than <see cref="MaxSample"/>.</summary>
    private static int SampleSize(double parents) => (int)Math.Min(MaxSample, Math.Max(MinSample, Math.Ceiling(parents * SampleShare)));

    /// <summary>Up to <paramref name="size"/> items drawn without replacement, the same ones every run (a fixed seed).</summary>
    private static List<T> Pick<T>(IReadOnlyList<T> items, int size)
    {
        if (items.Count <= size)
        {
            return [.. items];
        }

        var random = new Random(13);
        return [.. Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).Take(size).Order().Select(i => items[i])];
    }

    /// <summary>A stream's cost, and its walks whose first page may come back empty (see <see cref="ProbeResult"/>).</summary>
    private sealed record Planned(StreamCost Cost, double Fresh = 0);
}
