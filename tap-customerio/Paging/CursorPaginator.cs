using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary>
/// <c>start=&lt;next&gt;</c> (and <c>limit</c> where the endpoint accepts it) until <c>next</c> is empty or absent.
/// Customer.io sends empty pages that still carry a cursor: some lists continue after them (deliveries, segment
/// membership), so the <see cref="CursorGuard"/> only stops a cursor seen before or an endless run of them; on the
/// lists whose declaration says so (activities) an empty page is the end, whatever its <c>next</c> says.
/// </summary>
internal sealed class CursorPaginator(int? limit, bool emptyPageEnds) : IPaginator
{
    private CursorGuard? _guard;

    public ApiRequest First(ApiRequest list) => limit is { } size ? list.With("limit", size) : list;

    public ApiRequest? Next(Page page)
    {
        if (emptyPageEnds && page.Records.Count == 0)
        {
            return null;
        }

        _guard ??= new CursorGuard(page.Request.Stream, $"{page.Request.Method} {page.Request.Path}");
        return _guard.Next(page.Next, page.Records.Count) is { } cursor ? page.Request.With("start", cursor) : null;
    }
}
