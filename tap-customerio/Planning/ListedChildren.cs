using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Paging;
using TapCustomerIo.Sync;
using StreamReader = TapCustomerIo.Streams.StreamReader;

namespace TapCustomerIo.Planning;

/// <summary>A child counted in its parents' records: how many records, the calls reading them takes, the most one parent takes.</summary>
internal sealed record ListedCount(double Records, double Calls, double MostCalls)
{
    /// <summary>The children both reads listed, summed; the first read's when there is no earlier one.</summary>
    public static IReadOnlyDictionary<string, ListedCount> Both(IReadOnlyDictionary<string, ListedCount>? sum,
        IReadOnlyDictionary<string, ListedCount>? more) =>
        sum is null ? more ?? new Dictionary<string, ListedCount>()
        : sum.Where(s => more?.ContainsKey(s.Key) == true).ToDictionary(s => s.Key, s => s.Value.Plus(more![s.Key]), StringComparer.Ordinal);

    private ListedCount Plus(ListedCount other) => new(Records + other.Records, Calls + other.Calls, Math.Max(MostCalls, other.MostCalls));
}

/// <summary>
/// Children whose ids the parent's list records carry (the published definition's list schemas): a campaign's and a
/// broadcast's <c>actions</c>, a newsletter's <c>content_ids</c>. Where the child's own children cost one call a record
/// (metrics), counting the ids tells the child's and grandchildren's calls, and the probe reads none of them.
/// </summary>
internal sealed class ListedChildren
{
    private static readonly Dictionary<string, Listing> Listings = new(StringComparer.Ordinal)
    {
        // /v1/campaigns/{id}/actions comes 10 a page, always (no `limit`).
        ["campaign_actions"] = new("actions", 10),
        ["broadcast_actions"] = new("actions", null),
        ["newsletter_variants"] = new("content_ids", null),
    };

    private readonly Dictionary<string, Tally> _children;

    private ListedChildren(Dictionary<string, Tally> children) => _children = children;

    /// <summary>The counts so far, per child still countable.</summary>
    public IReadOnlyDictionary<string, ListedCount> Counts =>
        _children.ToDictionary(c => c.Key, c => new ListedCount(c.Value.Records, c.Value.Calls, c.Value.Most), StringComparer.Ordinal);

    /// <summary>A counter for the children of <paramref name="node"/> that can be counted so; null when none can.</summary>
    public static ListedChildren? Counter(StreamNode node, ReadProbe probe, ParentContext parent)
    {
        var children = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var child in node.Children)
        {
            if (Listings.TryGetValue(child.Definition.Name, out var listing) && child.Definition.Source is StreamReader
                && Pages(child.Definition.Paging, listing, 0) is not null
                && child.Children.All(g => g.Children.Count == 0 && DeclaredCost.PerRead(probe.Context(g, parent)) is not null))
            {
                children[child.Definition.Name] = new Tally(listing, child.Definition.Paging, StreamReader.Passes(probe.Context(child, parent), []).Count);
            }
        }

        return children.Count == 0 ? null : new ListedChildren(children);
    }

    /// <summary>Counts the children listed in <paramref name="records"/>; a record without the list leaves that child to be read.</summary>
    public void Add(IReadOnlyList<RawValue> records)
    {
        foreach (var (name, tally) in _children.ToArray())
        {
            foreach (var record in records)
            {
                if (record.ValueKind != JsonValueKind.Object || !record.TryGetProperty(tally.Listing.Field, out var ids)
                    || ids.ValueKind != JsonValueKind.Array)
                {
                    _children.Remove(name);
                    break;
                }

                var count = ids.GetArrayLength();
                var calls = tally.Passes * Pages(tally.Paging, tally.Listing, count)!.Value;
                tally.Records += count;
                tally.Calls += calls;
                tally.Most = Math.Max(tally.Most, calls);
            }
        }
    }

    /// <summary>Calls one read of <paramref name="records"/> records takes; null for paging the count does not tell.</summary>
    private static int? Pages(PageStyle paging, Listing listing, int records) => paging switch
    {
        SinglePageStyle => 1,
        CursorStyle { Limit: { } limit } => Math.Max(1, (records + limit - 1) / limit),
        CursorStyle when listing.PageSize is { } size => Math.Max(1, (records + size - 1) / size),
        _ => null,
    };

    /// <param name="Field">The parent record's array of the child's ids.</param>
    /// <param name="PageSize">The API's fixed page size where the child's list takes no <c>limit</c>.</param>
    private readonly record struct Listing(string Field, int? PageSize);

    private sealed class Tally(Listing listing, PageStyle paging, int passes)
    {
        public Listing Listing { get; } = listing;

        public PageStyle Paging { get; } = paging;

        public int Passes { get; } = passes;

        public double Records { get; set; }

        public double Calls { get; set; }

        public double Most { get; set; }
    }
}
