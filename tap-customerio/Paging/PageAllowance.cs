namespace TapCustomerIo.Paging;

/// <summary>
/// How many pages one read may hold at once, from the moment one is asked for until it has been written, whatever
/// number of lanes and pieces it walks (raised only for the pieces a slow API needs in flight: <see cref="Raise"/>).
/// Lanes exist so that enough requests are in flight while the API is slow to answer; when it is the target that is
/// slow, every walker would otherwise sit on a received page waiting for the writer (deliveries at 200,000 people and
/// 1,000,000 deliveries: four windows, each divided into four pieces, about 20 pages of 1.5 MB with their indexes;
/// docs/performance.md, sixth pass). A walker takes a hold before it sends, and the hold goes back when the page is
/// disposed: with a fast writer the holds come back at once and the lanes keep the budget busy, with a slow one the
/// walkers wait without holding anything.
/// </summary>
internal sealed class PageAllowance(int pages)
{
    private readonly SemaphoreSlim _free = new(pages);
    private readonly Lock _lock = new();
    private int _pages = pages;

    /// <summary>
    /// Lets the read hold up to <paramref name="pages"/> at once (never fewer than before): a window divided into more
    /// pieces than the read has lanes, because the API is slow, needs a hold for each piece's request in flight.
    /// </summary>
    public void Raise(int pages)
    {
        lock (_lock)
        {
            if (pages > _pages)
            {
                _free.Release(pages - _pages);
                _pages = pages;
            }
        }
    }

    /// <summary>Waits for a page's hold. Taken before the request: it covers the body as soon as it arrives.</summary>
    public async ValueTask<IDisposable> TakeAsync(CancellationToken cancellation)
    {
        await _free.WaitAsync(cancellation).ConfigureAwait(false);
        return new Hold(_free);
    }

    /// <summary>A hold if one is free now, else null: for a page asked for ahead, which must never wait for one.</summary>
    public IDisposable? TryTake() => _free.Wait(0) ? new Hold(_free) : null;

    /// <summary>Given back once, however often it is disposed.</summary>
    private sealed class Hold(SemaphoreSlim free) : IDisposable
    {
        private int _returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                free.Release();
            }
        }
    }
}
