using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary><c>limit</c> + <c>offset</c> (ESP suppressions): a page shorter than the limit, or null, is the last.</summary>
internal sealed class OffsetPaginator(int limit) : IPaginator
{
    private long _offset;

    public ApiRequest First(ApiRequest list) => list.With("limit", limit).With("offset", 0);

    public ApiRequest? Next(Page page)
    {
        if (page.Records.Count < limit)
        {
            return null;
        }

        _offset += page.Records.Count;
        return page.Request.With("offset", _offset);
    }
}
