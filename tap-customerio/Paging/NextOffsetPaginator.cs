using System.Globalization;
using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary>
/// Broadcast trigger errors page their own way: <c>next</c> is an integer, the offset to send back as <c>start</c>
/// (typed string), and it is missing on the last page. A page's first record is therefore at the offset its request
/// sent (<see cref="OffsetOf"/>), which is how the errors, bare strings, get a stable position.
/// </summary>
internal sealed class NextOffsetPaginator(int limit) : IPaginator
{
    private long _offset;

    public ApiRequest First(ApiRequest list) => list.With("limit", limit);

    public ApiRequest? Next(Page page)
    {
        if (page.Records.Count == 0 || NextOffset(page.Next, _offset, page.Request) is not { } next)
        {
            return null;
        }

        _offset = next;
        return page.Request.With("start", next);
    }

    /// <summary>The offset <paramref name="request"/> asked for: its <c>start</c>, 0 on the first page.</summary>
    public static long OffsetOf(ApiRequest request)
    {
        foreach (var (name, value) in request.Query)
        {
            if (name == "start" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }

        return 0;
    }

    /// <summary>
    /// The offset of the next page, or null at the end: <c>next</c> missing, null, empty, or 0 (an unset integer can
    /// only mean "no more", since the walk began at 0). An offset that does not move forward would read the same
    /// pages forever, so it stops the sync like a repeated cursor.
    /// </summary>
    internal static long? NextOffset(string? text, long offset, ApiRequest request)
    {
        if (text is not { Length: > 0 })
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var next))
        {
            throw new TapException(
                $"stream '{request.Stream}': {request} answered a 'next' that is not an offset ({text}); the sync stopped here. " +
                "Report this with the tap's version.");
        }

        if (next == 0)
        {
            return null;
        }

        return next > offset ? next : throw new TapException(
            $"stream '{request.Stream}': {request} answered next={next} at offset {offset}, which does not move forward; stopping " +
            "so the sync does not loop forever. This is a fault of the API: run again later.");
    }
}
