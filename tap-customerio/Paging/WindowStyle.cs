using System.Globalization;

namespace TapCustomerIo.Paging;

/// <summary>
/// Deliveries: consecutive server-side windows, each an independent cursor list. Windows are read four at once: one
/// window's cursor walk is a chain of round trips, and alone it would leave most of the budget unused when the API is
/// slow to answer (the budget, not this, bounds the rate). An empty page with a cursor is normal inside a window.
/// </summary>
internal sealed record WindowStyle(int Limit, int Days) : PageStyle
{
    public override int ParallelLanes => 4;

    public override bool FiltersByTime => true;

    public override IPaginator Start() => new CursorPaginator(Limit, EmptyPageEnds);

    /// <summary>Windows of at most <see cref="Days"/> days, inclusive both ends, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public override IReadOnlyList<PageLane> Lanes(DateTimeOffset from, DateTimeOffset to)
    {
        var lanes = new List<PageLane>();
        while (from <= to)
        {
            var end = from.AddDays(Days).AddSeconds(-1);
            if (end > to)
            {
                end = to;
            }

            lanes.Add(new PageLane([new("start_ts", Unix(from)), new("end_ts", Unix(end))], end));
            from = end.AddSeconds(1);
        }

        return lanes;
    }

    private static string Unix(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
