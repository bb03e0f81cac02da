using System.Globalization;
using TapCustomerIo.Config;

namespace TapCustomerIo.Paging;

/// <summary>
/// Deliveries: consecutive server-side windows of <c>messages_window_days</c> (at most 180: the delivery list's
/// documented default range is six months, and the per-parent lists clip ranges over 12 months), each an independent
/// cursor list. One window's cursor walk is a chain of round trips, and alone it would leave most of the budget unused
/// when the API is slow to answer: windows are read four at once, and a window whose first page comes back full is
/// divided (<see cref="Divide"/>) so its remaining pages are read in parallel too, in more pieces the slower the API
/// answered that page (<see cref="MaxPiecesAt"/>). The budget, not this, bounds the rate.
/// An empty page with a cursor is normal inside a window. All window math is here, public to the estimate.
/// </summary>
internal sealed record WindowStyle(int Limit, int Days) : PageStyle
{
    /// <summary>The largest window every source allows.</summary>
    public const int MaxDays = 180;

    /// <summary>A divided window's pieces each hold at least this many pages by estimate: a piece's last page is usually short, the one call a division adds.</summary>
    public const int PagesPerPiece = 8;

    /// <summary>At most this many pieces per divided window while the API answers quickly (see <see cref="MaxPiecesAt"/>).</summary>
    public const int MaxPieces = 4;

    /// <summary>At most this many pieces per divided window however slow the API is: each is a page held while it waits for the writer.</summary>
    public const int MaxPiecesSlowApi = 10;

    /// <summary>The App API's documented limit, requests a second: a budget configured above it (the bench lifts it to measure CPU) is no reason to hold more pages.</summary>
    private const double ApiLimit = 10;

    /// <summary>
    /// The most pieces a window is divided into when the API takes <paramref name="latency"/> to answer a page: a budget
    /// of R requests a second needs R × latency requests in flight (Little's law), and one more for the page being
    /// handed out. Four keep 10 a second up to 0.3 s a page; at 0.6 s seven do. Between <see cref="MaxPieces"/> and
    /// <see cref="MaxPiecesSlowApi"/>.
    /// </summary>
    public static int MaxPiecesAt(double requestsPerSecond, TimeSpan latency) =>
        (int)Math.Clamp(Math.Ceiling(Math.Min(requestsPerSecond, ApiLimit) * latency.TotalSeconds) + 1, MaxPieces, MaxPiecesSlowApi);

    public override int ParallelLanes => 4;

    public override bool FiltersByTime => true;

    public override PageStyle For(TapConfig config) => this with { Days = config.MessagesWindowDays };

    public override IPaginator Start() => new CursorPaginator(Limit, EmptyPageEnds);

    /// <summary>Windows of at most <see cref="Days"/> days, inclusive both ends, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public override IReadOnlyList<PageLane> Lanes(DateTimeOffset from, DateTimeOffset to) => Windows(from, to, Days);

    /// <summary>Windows of at most <paramref name="days"/> days, inclusive both ends, each ending at its <see cref="PageLane.Through"/>.</summary>
    public static IReadOnlyList<PageLane> Windows(DateTimeOffset from, DateTimeOffset to, int days)
    {
        var lanes = new List<PageLane>();
        while (from <= to)
        {
            var end = from.AddDays(days).AddSeconds(-1);
            if (end > to)
            {
                end = to;
            }

            lanes.Add(Window(from, end, end));
            from = end.AddSeconds(1);
        }

        return lanes;
    }

    /// <summary>
    /// The rest of <paramref name="window"/> after its first non-empty page, when that page is full, as pieces to read
    /// at once; empty when the cursor should simply continue. The page covers its newest (or oldest) records: every
    /// delivery after its oldest <c>created</c> <paramref name="last"/> (newest first), so the rest is the window up to
    /// and including that second (the page's records of that second are read again: drop them by id). Pieces are sized
    /// by the page's density: only a rest estimated at <see cref="PagesPerPiece"/> pages or more a piece is divided, into
    /// at most <paramref name="maxPieces"/> (<see cref="MaxPiecesAt"/>). Pieces carry no <see cref="PageLane.Through"/>:
    /// the window's own lane completes when they all have.
    /// </summary>
    public IReadOnlyList<PageLane> Divide(PageLane window, int records, long first, long last, int maxPieces = MaxPieces)
    {
        if (records < Limit || window.From is not { } from || window.Through is not { } through)
        {
            return [];
        }

        var newestFirst = first >= last;
        var (covered, restFrom, restTo) = newestFirst
            ? (through.ToUnixTimeSeconds() - last + 1, from.ToUnixTimeSeconds(), last)
            : (last - from.ToUnixTimeSeconds() + 1, last, through.ToUnixTimeSeconds());
        var pages = (double)(restTo - restFrom + 1) / Math.Max(1, covered);
        var pieces = (int)Math.Min(maxPieces, Math.Floor(pages / PagesPerPiece));
        if (pieces < 2)
        {
            return [];
        }

        var lanes = new List<PageLane>(pieces);
        var step = (restTo - restFrom + 1) / pieces;
        for (var i = 0; i < pieces; i++)
        {
            var start = restFrom + i * step;
            var end = i == pieces - 1 ? restTo : start + step - 1;
            lanes.Add(Window(DateTimeOffset.FromUnixTimeSeconds(start), DateTimeOffset.FromUnixTimeSeconds(end), null));
        }

        return lanes;
    }

    private static PageLane Window(DateTimeOffset from, DateTimeOffset end, DateTimeOffset? through) =>
        new([new("start_ts", Unix(from)), new("end_ts", Unix(end))], through) { From = from };

    private static string Unix(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
