using TapCustomerIo.Config;

namespace TapCustomerIo.Paging;

/// <summary>
/// How an endpoint splits its list into requests, declared once per stream: the paginator each walk uses, the lanes
/// (independent lists, such as time windows) one read is made of, and the endpoint's rules as options.
/// </summary>
internal abstract record PageStyle
{
    /// <summary>One request holds the whole list.</summary>
    public static readonly PageStyle None = new SinglePageStyle();

    /// <summary>Cursor style: <c>start=&lt;next&gt;</c> (and <c>limit</c> where it is accepted) until <c>next</c> is empty.</summary>
    public static PageStyle Cursor(int? limit) => new CursorStyle(limit);

    /// <summary>
    /// The POST searches (<c>/v1/customers</c>, <c>/v1/objects</c>): the filter in the body, the cursor and limit in
    /// the query. Each page is asked for before the previous one is handed out: the search is a chain of round trips,
    /// and the work done on a page (fetching profiles, reading children) then overlaps the wait for the next.
    /// </summary>
    public static PageStyle Search(int limit) => new CursorStyle(limit) { PrefetchNext = true };

    /// <summary><c>limit</c>, then <c>start</c> = the integer offset the last page's <c>next</c> gave (trigger errors).</summary>
    public static PageStyle NextOffset(int limit) => new NextOffsetStyle(limit);

    /// <summary><c>limit</c> + <c>offset</c>, until a page is short or null (ESP suppressions).</summary>
    public static PageStyle Offset(int limit) => new OffsetStyle(limit);

    /// <summary>
    /// Deliveries: server-side <c>start_ts</c>/<c>end_ts</c> windows of at most <paramref name="days"/> days (inclusive
    /// both ends), a cursor inside each. Declaring it makes the stream's bookmark follow the windows.
    /// </summary>
    public static PageStyle Windows(int limit, int days = WindowStyle.MaxDays) => new WindowStyle(limit, days);

    /// <summary>An empty page ends the walk, whatever its <c>next</c> says (activities send such pages at the end).</summary>
    public bool EmptyPageEnds { get; init; }

    /// <summary>A 404 ends the walk with nothing: a child whose parent was deleted after it was listed.</summary>
    public bool NotFoundEnds { get; init; }

    /// <summary>The next page is requested before the current one is handed out (see <see cref="Search"/>).</summary>
    public bool PrefetchNext { get; init; }

    /// <summary>Lanes read at once. With 1 they are read one after the other, each page only once the previous was consumed.</summary>
    public virtual int ParallelLanes => 1;

    /// <summary>
    /// Pages one read holds at most (<see cref="PageAllowance"/>): a request in flight for every lane read at once
    /// (<see cref="HeldPagesFor"/>); more only where a slow API has a window divided into more pieces than that
    /// (<see cref="WindowStyle.MaxPiecesAt"/>).
    /// </summary>
    public int HeldPages => HeldPagesFor(ParallelLanes);

    /// <summary>Pages held with <paramref name="inFlight"/> requests in flight: those, one being written and one waiting for the writer.</summary>
    public static int HeldPagesFor(int inFlight) => inFlight + 2;

    /// <summary>True when the server filters by time: a lane's end is a safe bookmark once it and every earlier lane are read.</summary>
    public virtual bool FiltersByTime => false;

    /// <summary>The style as configured for a run (windows take <c>messages_window_days</c>); read and estimate through it.</summary>
    public virtual PageStyle For(TapConfig config) => this;

    /// <summary>A new paginator for one walk of one lane.</summary>
    public abstract IPaginator Start();

    /// <summary>The lists that one read of the time range <paramref name="from"/>–<paramref name="to"/> is made of.</summary>
    public virtual IReadOnlyList<PageLane> Lanes(DateTimeOffset from, DateTimeOffset to) => PageLane.Whole;
}

internal sealed record SinglePageStyle : PageStyle
{
    public override IPaginator Start() => new SinglePage();
}

internal sealed record CursorStyle(int? Limit) : PageStyle
{
    public override IPaginator Start() => new CursorPaginator(Limit, EmptyPageEnds);
}

internal sealed record NextOffsetStyle(int Limit) : PageStyle
{
    public override IPaginator Start() => new NextOffsetPaginator(Limit);
}

internal sealed record OffsetStyle(int Limit) : PageStyle
{
    public override IPaginator Start() => new OffsetPaginator(Limit);
}
