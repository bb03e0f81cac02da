namespace TapCustomerIo.Paging;

/// <summary>
/// Stops a page walk that would never end: a cursor the API already gave (a loop), or a long run of empty pages that
/// each carry a new cursor. Customer.io can legitimately send a few empty pages with a <c>next</c>, then data.
/// </summary>
internal sealed class CursorGuard(string stream, string request)
{
    private const int MaxEmptyPagesInARow = 1000;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _emptyInARow;

    /// <summary>Returns the cursor to send next, or null at the end of the list.</summary>
    public string? Next(string? next, int recordsOnPage)
    {
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }

        if (!_seen.Add(next))
        {
            throw new TapException(
                $"stream '{stream}': the API returned the same page cursor twice ({request}); stopping so the sync does not " +
                "loop forever. This is a fault of the API: run again later, and report it to Customer.io if it persists.");
        }

        _emptyInARow = recordsOnPage == 0 ? _emptyInARow + 1 : 0;
        if (_emptyInARow > MaxEmptyPagesInARow)
        {
            throw new TapException(
                $"stream '{stream}': {MaxEmptyPagesInARow} empty pages in a row, each with a new cursor ({request}); the list makes " +
                "no progress, so the sync stops. Run again later.");
        }

        return next;
    }
}
