using TapCustomerIo.Paging;

namespace TapCustomerIo.Tests.Paging;

public sealed class PageAllowanceTests
{
    [Fact]
    public async Task A_hold_waits_while_all_are_taken_and_comes_back_once_however_often_it_is_disposed()
    {
        var allowance = new PageAllowance(2);
        var first = await allowance.TakeAsync(default);
        var second = await allowance.TakeAsync(default);
        Assert.Null(allowance.TryTake());

        var third = allowance.TakeAsync(default).AsTask();
        await Task.Delay(100);
        Assert.False(third.IsCompleted);

        first.Dispose();
        first.Dispose(); // a second dispose gives nothing back
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.NotNull(allowance.TryTake());
        Assert.Null(allowance.TryTake());
        second.Dispose();
    }

    [Fact]
    public async Task Raising_it_frees_holds_for_a_waiting_walk_and_lowering_is_ignored()
    {
        var allowance = new PageAllowance(1);
        using var held = await allowance.TakeAsync(default);
        var waiting = allowance.TakeAsync(default).AsTask();
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        allowance.Raise(3); // a window divided into more pieces than the read has lanes
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        allowance.Raise(2); // never fewer than before: three holds, two of them free
        using var second = allowance.TryTake();
        using var third = allowance.TryTake();
        Assert.NotNull(second);
        Assert.NotNull(third);
        Assert.Null(allowance.TryTake());
    }

    [Fact]
    public async Task A_wait_for_a_hold_ends_when_the_read_is_cancelled()
    {
        var allowance = new PageAllowance(1);
        using var held = await allowance.TakeAsync(default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await allowance.TakeAsync(cancel.Token));
    }
}
