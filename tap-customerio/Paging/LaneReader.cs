using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TapCustomerIo.Paging;

/// <summary>
/// Reads the lanes of one read, <see cref="PageStyle.ParallelLanes"/> at once, and hands out what each produces in
/// arrival order, followed by a completion mark whenever the <see cref="LaneFrontier"/> passes a lane that covers a
/// time. With one lane at a time it reads in order and pulls each item only when the previous was consumed.
/// </summary>
internal static class LaneReader
{
    public static IAsyncEnumerable<T> ReadAsync<T>(IReadOnlyList<PageLane> lanes, int parallel,
        Func<PageLane, CancellationToken, IAsyncEnumerable<T>> read, Func<DateTimeOffset, T> completed, CancellationToken cancellation) =>
        parallel <= 1
            ? InOrderAsync(lanes, read, completed, cancellation)
            : ConcurrentlyAsync(lanes, parallel, read, completed, cancellation);

    private static async IAsyncEnumerable<T> InOrderAsync<T>(IReadOnlyList<PageLane> lanes,
        Func<PageLane, CancellationToken, IAsyncEnumerable<T>> read, Func<DateTimeOffset, T> completed,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        foreach (var lane in lanes)
        {
            await foreach (var item in read(lane, cancellation).ConfigureAwait(false))
            {
                yield return item;
            }

            if (lane.Through is { } through)
            {
                yield return completed(through);
            }
        }
    }

    private static async IAsyncEnumerable<T> ConcurrentlyAsync<T>(IReadOnlyList<PageLane> lanes, int parallel,
        Func<PageLane, CancellationToken, IAsyncEnumerable<T>> read, Func<DateTimeOffset, T> completed,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        // One page waits for the reader, whatever the lanes: the reader writes faster than the network delivers, and
        // every page queued is a body held in memory (the budget still stays full: bench e2e, scenario 3).
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var frontier = new LaneFrontier(lanes.Count);
        var next = -1;

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < lanes.Count)
            {
                await foreach (var item in read(lanes[index], stop.Token).ConfigureAwait(false))
                {
                    await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                }

                if (frontier.Complete(index) is { } last && lanes[last].Through is { } through)
                {
                    await channel.Writer.WriteAsync(completed(through), stop.Token).ConfigureAwait(false);
                }
            }
        }

        var workers = Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, lanes.Count)).Select(_ => Task.Run(WorkAsync, stop.Token)));
        _ = workers.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                stop.Cancel();
            }

            channel.Writer.TryComplete(t.Exception?.GetBaseException());
        }, TaskScheduler.Default);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await workers.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopped because the reader stopped
            }
        }
    }
}
