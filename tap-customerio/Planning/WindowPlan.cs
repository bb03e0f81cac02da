using TapCustomerIo.Paging;

namespace TapCustomerIo.Planning;

/// <summary>
/// A window walk up to its first page with records, or its end: the empty pages read (before that page, or all the walk
/// read), the page's records, its first and last record's time, whether a cursor follows.
/// </summary>
internal readonly record struct FirstData(int EmptyPages, int Records, long? First, long? Last, bool More);

/// <summary>
/// What the sync will spend on one window, planned from its first page with data: that page, and the rest of the
/// window at the time one page covered, read on by the cursor or, where the sync divides the window
/// (<see cref="WindowStyle.Divide"/>, the same call), in pieces. <see cref="Fresh"/> counts the walks whose first page
/// may come back empty (see <see cref="ProbeResult"/>).
/// </summary>
internal readonly record struct WindowPlan(double Calls, double Fresh, bool Exact)
{
    /// <param name="repeated">
    /// The sync sends the same request (a window before the last, its bounds fixed): an empty first page the probe saw
    /// comes again. The last window ends at the sync's own start, a request of its own: its empty first page is a rate.
    /// </param>
    /// <param name="dataFrom">Where the window's data starts, where the probe looked (else at the window's start).</param>
    /// <param name="maxPieces">The most pieces the sync divides the window into at the latency the probe met (<see cref="WindowStyle.MaxPiecesAt"/>).</param>
    public static WindowPlan Of(WindowStyle? windows, PageLane lane, FirstData first, bool repeated, long? dataFrom = null,
        int maxPieces = WindowStyle.MaxPieces)
    {
        if (first.Records == 0)
        {
            // No data: the pages read are the window (an empty window is one call), or it goes on after the empty pages read.
            return new(first.EmptyPages + (first.More ? 1 : 0), 0, !first.More);
        }

        var quirk = first.EmptyPages > 0 ? 1 : 0;
        var calls = first.EmptyPages + 1.0 - (repeated ? 0 : quirk);
        var fresh = repeated ? 0 : 1.0;
        if (!first.More)
        {
            return new(calls, fresh, true);
        }

        if (windows is null || lane.From is not { } start || lane.Through is not { } end || first.First is not { } head || first.Last is not { } tail)
        {
            return new(calls + 1, fresh, false);
        }

        // The time one page covered, and the rest of the window after it (deliveries come newest first).
        var page = Math.Abs(head - tail) + 1.0;
        var (restFrom, restTo) = head >= tail ? (start.ToUnixTimeSeconds(), tail) : (tail, end.ToUnixTimeSeconds());
        var low = head >= tail ? Math.Max(restFrom, dataFrom ?? restFrom) : restFrom;
        var pieces = windows.Divide(lane, first.Records, head, tail, maxPieces);
        if (pieces.Count == 0)
        {
            return new(calls + Pages(restTo - low + 1, page), fresh, false);
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var from = Math.Max(low, pieces[i].From!.Value.ToUnixTimeSeconds());
            var to = i + 1 < pieces.Count ? pieces[i + 1].From!.Value.ToUnixTimeSeconds() - 1 : restTo;
            calls += Pages(to - from + 1, page);
            fresh += to >= from ? 1 : 0;
        }

        return new(calls, fresh, false);
    }

    /// <summary>The pages of <paramref name="seconds"/> of a walk at <paramref name="page"/> seconds a page: at least one.</summary>
    private static double Pages(double seconds, double page) => Math.Max(1, Math.Ceiling(seconds / page));
}
