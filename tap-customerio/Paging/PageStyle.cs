namespace TapCustomerIo.Paging;

/// <summary>How an endpoint splits its list into requests.</summary>
internal abstract record PageStyle
{
    public static readonly PageStyle None = new NoPaging();

    /// <summary>Cursor style: send <c>start=&lt;next&gt;</c> (and <c>limit</c> where it is accepted) until <c>next</c> is empty.</summary>
    public static PageStyle Cursor(int? limit) => new CursorPaging(limit);

    /// <summary><c>limit</c> + <c>offset</c>, until a page is short or null (ESP suppressions).</summary>
    public static PageStyle Offset(int limit) => new OffsetPaging(limit);

    /// <summary>Deliveries: server-side <c>start_ts</c>/<c>end_ts</c> windows (inclusive both ends) with a cursor inside each.</summary>
    public static PageStyle Windows(int limit, int days = 30) => new WindowPaging(limit, days);
}

internal sealed record NoPaging : PageStyle;

internal sealed record CursorPaging(int? Limit) : PageStyle;

internal sealed record OffsetPaging(int Limit) : PageStyle;

internal sealed record WindowPaging(int Limit, int Days) : PageStyle;
