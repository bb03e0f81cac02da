using System.Runtime.CompilerServices;
using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary>The page loop every list goes through: the paginator's first request, then each next one until it stops.</summary>
internal static class PageWalk
{
    /// <summary>
    /// Yields every page of <paramref name="list"/>. The walk also ends at a 404 the request tolerates (its parent was
    /// deleted), and <paramref name="missing"/> is told. With <paramref name="prefetch"/> the next page is already
    /// requested while the caller works on this one.
    /// </summary>
    public static async IAsyncEnumerable<Page> ReadAsync(CustomerIoClient client, ApiRequest list, string recordsKey, IPaginator paginator,
        bool prefetch, [EnumeratorCancellation] CancellationToken cancellation, Action? missing = null)
    {
        var pending = SendAsync(client, paginator.First(list), recordsKey, missing, cancellation);
        try
        {
            while (await pending.ConfigureAwait(false) is { } page)
            {
                pending = NoPage;
                if (prefetch)
                {
                    pending = SendAsync(client, paginator.Next(page), recordsKey, missing, cancellation);
                    yield return page;
                }
                else
                {
                    yield return page;
                    pending = SendAsync(client, paginator.Next(page), recordsKey, missing, cancellation);
                }
            }
        }
        finally
        {
            // The caller stopped early (a newest-first list reached older records): free a prefetched page nobody reads.
            _ = pending.ContinueWith(t => t.Result?.Document.Dispose(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private static readonly Task<Page?> NoPage = Task.FromResult<Page?>(null);

    private static async Task<Page?> SendAsync(CustomerIoClient client, ApiRequest? request, string recordsKey, Action? missing,
        CancellationToken cancellation)
    {
        if (request is null)
        {
            return null;
        }

        if (await client.SendAsync(request, cancellation).ConfigureAwait(false) is not { } document)
        {
            missing?.Invoke();
            return null;
        }

        return new Page(request, document, Envelope.Records(document, recordsKey, request), Envelope.Next(document));
    }
}
