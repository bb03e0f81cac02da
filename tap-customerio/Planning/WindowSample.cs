using TapCustomerIo.Sync;

namespace TapCustomerIo.Planning;

/// <summary>
/// A windowed child of parents whose windows all start at their creation (campaign, broadcast, newsletter and
/// transactional deliveries; a person's, where the profiles date them): every parent's windows are known without a
/// call, and the sync spends one call a window at least, so that much is counted exactly. Only the calls beyond it
/// (more pages, a divided window's pieces, an empty first page, a parent gone since it was listed) are sampled, one
/// window at a time across all parents: a whole parent's windows cost the probe about what they cost the sync.
/// Windows are grouped by their place from the sync's start (the last, the one before, older), as deliveries thin out
/// with age, drawn at random within a group (a pattern in the lists cannot bias them) and in proportion to the groups'
/// sizes, each group's extra calls scaled to its size.
/// </summary>
internal sealed class WindowSample
{
    private const int Groups = 3;

    private readonly ReadProbe _probe;
    private readonly StreamNode _node;
    private readonly IReadOnlyList<ParentContext> _parents;
    private readonly int[] _lanes; // per parent
    private readonly int _passes;
    private readonly List<Unit>[] _groups = [.. Enumerable.Range(0, Groups).Select(_ => new List<Unit>())];

    private WindowSample(ReadProbe probe, StreamNode node, IReadOnlyList<ParentContext> parents)
    {
        (_probe, _node, _parents) = (probe, node, parents);
        _lanes = [.. parents.Select(p => probe.Lanes(node, p))];
        _passes = parents.Count == 0 ? 1 : probe.Passes(node, parents[0]);
        for (var p = 0; p < parents.Count; p++)
        {
            for (var l = 0; l < _lanes[p]; l++)
            {
                _groups[Math.Min(Groups - 1, _lanes[p] - 1 - l)].Add(new Unit(p, l));
            }
        }

        var random = new Random(13);
        for (var g = 0; g < Groups; g++)
        {
            _groups[g] = [.. _groups[g].OrderBy(_ => random.Next())];
        }
    }

    /// <summary>The windows one call each (every pass of each): what the sync spends at least.</summary>
    public double Windows => _lanes.Sum() * (double)_passes;

    /// <summary>The windows, each read with every pass.</summary>
    public int Units => _groups.Sum(g => g.Count);

    public int Parents => _parents.Count;

    /// <summary>A sample for <paramref name="node"/> read in all of <paramref name="parents"/>; null where windows are not all known.</summary>
    public static WindowSample? For(ReadProbe probe, StreamNode node, IReadOnlyList<ParentContext> parents, double count) =>
        node.Children.Count == 0 && node.Definition.Source is Streams.StreamReader && node.Definition.Paging.FiltersByTime
        && parents.Count > 0 && parents.Count == count && parents.All(p => p.Created is not null)
            ? new WindowSample(probe, node, parents)
            : null;

    /// <summary>
    /// Reads windows while the calls spent on them stay under <paramref name="budget"/> (the next window may cost one
    /// more than the last) and at most <paramref name="most"/> windows; the stream's planned cost and its walks whose
    /// first page may come back empty (<see cref="ProbeResult.Fresh"/>).
    /// </summary>
    public async Task<(StreamCost Cost, double Fresh)> PlanAsync(double budget, int most, bool exact, CancellationToken cancellation)
    {
        var taken = new int[Groups];
        var extra = new double[Groups]; // calls beyond one a pass
        var fresh = new double[Groups];
        var gone = new Dictionary<int, double>(); // parent → the sync's calls per window of it
        var started = _probe.Spent;
        double chain = 0;
        while (taken.Sum() < most && _probe.Spent - started < budget - 1 && Next(taken) is { } g)
        {
            var unit = _groups[g][taken[g]++];
            var window = gone.TryGetValue(unit.Parent, out var share) ? new WindowRead(share, 0, 1, true, true)
                : await _probe.WindowAsync(_node, _parents[unit.Parent], unit.Lane, cancellation).ConfigureAwait(false);
            if (window.Gone && !gone.ContainsKey(unit.Parent))
            {
                // Deleted since it was listed: the sync stops at its first 404, every window of it shares those calls.
                share = ReadProbe.GoneCalls(_probe.Context(_node, _parents[unit.Parent])) / _lanes[unit.Parent];
                gone[unit.Parent] = share;
                window = window with { Calls = share };
            }

            exact &= window.Exact;
            extra[g] += window.Calls - _passes;
            fresh[g] += window.Fresh;
            chain = Math.Max(chain, window.Chain);
        }

        // Each group's figure at the rate of its windows read; a group not reached at the rate of all read, or, with
        // nothing read, no extra call and every last window fresh.
        var read = taken.Sum();
        double Scaled(double[] sums, Func<int, double> none) => Enumerable.Range(0, Groups).Sum(g =>
            taken[g] > 0 ? sums[g] * _groups[g].Count / taken[g] : read > 0 ? sums.Sum() * _groups[g].Count / read : none(g));

        exact &= read == Units;
        var requests = Windows + Scaled(extra, _ => 0);
        var plannedFresh = Scaled(fresh, g => g == 0 ? _groups[g].Count * _passes : 0);

        // Windows are read ParallelLanes at once: the longest window, or the parent with most windows one after another.
        var perWindow = Windows == 0 ? 0 : requests / Windows * _passes;
        chain = Math.Max(chain, _lanes.DefaultIfEmpty(0).Max() * perWindow / _probe.ParallelLanes(_node, _parents[0]));
        return (new StreamCost(_node.Definition.Name, requests, chain, exact ? CostBasis.Exact : CostBasis.Extrapolated, _node.Selected), plannedFresh);
    }

    /// <summary>The group whose share of windows read lags most behind its size; null when all are read.</summary>
    private int? Next(int[] taken)
    {
        int? best = null;
        for (var g = 0; g < Groups; g++)
        {
            if (taken[g] < _groups[g].Count && (best is not { } b || _groups[g].Count * (taken[b] + 1.0) > _groups[b].Count * (taken[g] + 1.0)))
            {
                best = g;
            }
        }

        return best;
    }

    /// <summary>Window <paramref name="Lane"/> of parent <paramref name="Parent"/> (an index into the parents).</summary>
    private readonly record struct Unit(int Parent, int Lane);
}
