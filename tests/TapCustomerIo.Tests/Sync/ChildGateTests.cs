using TapCustomerIo.Sync;

namespace TapCustomerIo.Tests.Sync;

/// <summary>How many of a parent's children read at once: eight with small pages, fewer with large ones, one until a size is known.</summary>
public sealed class ChildGateTests
{
    [Theory]
    [InlineData(null, 1)]                 // nothing seen yet: one child finds out
    [InlineData(20_000L, 8)]              // a metrics body
    [InlineData(400_000L, 8)]             // a page of campaign actions
    [InlineData(630_000L, 6)]             // a page of deliveries, one lane
    [InlineData(4 * 630_000L, 1)]         // the same with four lanes at once
    [InlineData(1_500_000L, 2)]
    [InlineData(2_700_000L, 1)]           // 30,000 segment members
    [InlineData(40_000_000L, 1)]          // larger than the whole allowance: still one
    public void Allows_children_by_the_bytes_each_holds(long? bytes, int expected) =>
        Assert.Equal(expected, ChildGate.Allowed(bytes));

    [Fact]
    public async Task Admits_one_child_until_a_size_is_known_then_as_many_as_it_allows()
    {
        long? size = null;
        var gate = new ChildGate(() => size);
        await gate.EnterAsync(default);
        var second = gate.EnterAsync(default);
        await Task.Delay(100);
        Assert.False(second.IsCompleted); // the first child has not had a page yet

        size = 1_500_000; // two such children fit
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        var third = gate.EnterAsync(default);
        await Task.Delay(100);
        Assert.False(third.IsCompleted);

        gate.Exit();
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_waiting_child_gives_up_when_the_run_is_cancelled()
    {
        var gate = new ChildGate(() => null);
        await gate.EnterAsync(default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token));
    }
}
