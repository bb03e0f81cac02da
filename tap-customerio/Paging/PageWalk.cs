using System.Runtime.CompilerServices;
using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary>The page loop every list goes through: the paginator's first request, then each next one until it stops.</summary>
internal static class PageWalk
{
    /// <summary>
    /// Yields every page of <paramref name="list"/>. The walk also ends at a 404 the request tolerates (its parent was
    /// deleted), and <paramref name="missing"/> is told. With <paramref name="prefetch"/> the next page is already
    /// requested while the caller works on this one. With an <paramref name="allowance"/> each request first takes a
    /// hold from it, which the page gives back when it is disposed.
    /// </summary>
    public static async IAsyncEnumerable<Page> ReadAsync(CustomerIoClient client, ApiRequest list, string recordsKey, IPaginator paginator,
        bool prefetch, [EnumeratorCancellation] CancellationToken cancellation, Action? missing = null, PageAllowance? allowance = null)
    {
        var pending = SendAsync(client, paginator.First(list), recordsKey, missing, await TakeAsync(allowance, cancellation).ConfigureAwait(false),
            cancellation);
        try
        {
            while (await pending.ConfigureAwait(false) is { } page)
            {
                pending = NoPage;
                // A page asked for ahead takes a hold only if one is free now: waiting for one while this page is not yet
                // handed out could wait forever, every hold being a page like this one.
                IDisposable? ahead = null;
                if (prefetch && (allowance is null || (ahead = allowance.TryTake()) is not null))
                {
                    pending = SendAsync(client, paginator.Next(page), recordsKey, missing, ahead, cancellation);
                    yield return page;
                }
                else
                {
                    yield return page;
                    if (paginator.Next(page) is { } next)
                    {
                        pending = SendAsync(client, next, recordsKey, missing, await TakeAsync(allowance, cancellation).ConfigureAwait(false),
                            cancellation);
                    }
                }
            }
        }
        finally
        {
            // The caller stopped early (a newest-first list reached older records): free a prefetched page nobody reads.
            _ = pending.ContinueWith(t => t.Result?.Dispose(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private static readonly Task<Page?> NoPage = Task.FromResult<Page?>(null);

    private static async ValueTask<IDisposable?> TakeAsync(PageAllowance? allowance, CancellationToken cancellation) =>
        allowance is null ? null : await allowance.TakeAsync(cancellation).ConfigureAwait(false);

    private static async Task<Page?> SendAsync(CustomerIoClient client, ApiRequest? request, string recordsKey, Action? missing,
        IDisposable? hold, CancellationToken cancellation)
    {
        try
        {
            if (request is null)
            {
                hold?.Dispose();
                return null;
            }

            if (await client.SendAsync(request, cancellation).ConfigureAwait(false) is not { } document)
            {
                hold?.Dispose();
                missing?.Invoke();
                return null;
            }

            return new Page(request, document, Envelope.Records(document, recordsKey, request), Envelope.Next(document)) { Hold = hold };
        }
        catch
        {
            hold?.Dispose();
            throw;
        }
    }
}
