using System.Runtime.CompilerServices;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Tests.Paging;

public sealed class LaneReaderTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PageLane Lane(int day) => new([new("lane", day.ToString(System.Globalization.CultureInfo.InvariantCulture))], T0.AddDays(day));

    [Fact]
    public void The_frontier_moves_only_over_lanes_complete_from_the_first()
    {
        var frontier = new LaneFrontier(4);

        Assert.Null(frontier.Complete(2));
        Assert.Null(frontier.Complete(1));
        Assert.Equal(2, frontier.Complete(0));
        Assert.Equal(3, frontier.Complete(3));
    }

    [Fact]
    public async Task Lanes_read_at_once_report_completion_in_lane_order_whatever_order_they_finish_in()
    {
        var lanes = Enumerable.Range(0, 6).Select(Lane).ToArray();
        var release = lanes.ToDictionary(l => l, _ => new TaskCompletionSource());
        var started = new CountdownEvent(4);

        async IAsyncEnumerable<string> Read(PageLane lane, [EnumeratorCancellation] CancellationToken cancellation)
        {
            if (lane.Query[0].Value is "0" or "1" or "2" or "3")
            {
                started.Signal();
            }

            await release[lane].Task.WaitAsync(cancellation);
            yield return "records " + lane.Query[0].Value;
        }

        var items = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var item in LaneReader.ReadAsync(lanes, 4, Read, t => "through " + (t - T0).Days, default))
            {
                items.Add(item);
            }
        });

        Assert.True(started.Wait(TimeSpan.FromSeconds(10)), "four lanes are read at once");
        foreach (var index in new[] { 2, 1, 3, 0, 5, 4 })
        {
            release[lanes[index]].SetResult();
            await Task.Delay(20);
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(6, items.Count(i => i.StartsWith("records", StringComparison.Ordinal)));
        var marks = items.Where(i => i.StartsWith("through", StringComparison.Ordinal)).ToArray();
        Assert.Equal(marks.Order(), marks);
        Assert.Equal("through 5", marks[^1]);
        Assert.True(items.IndexOf("records 0") < items.IndexOf(marks[0]), "no lane is reported complete before lane 0 is read");
    }

    [Fact]
    public async Task One_lane_at_a_time_reads_in_order_and_marks_each_lane_that_covers_a_time()
    {
        async IAsyncEnumerable<string> Read(PageLane lane, [EnumeratorCancellation] CancellationToken cancellation)
        {
            await Task.Yield();
            yield return "records " + lane.Query[0].Value;
        }

        var items = new List<string>();
        await foreach (var item in LaneReader.ReadAsync([Lane(0), Lane(1), new PageLane([new("lane", "whole")], null)], 1, Read, t => "through " + (t - T0).Days, default))
        {
            items.Add(item);
        }

        Assert.Equal(["records 0", "through 0", "records 1", "through 1", "records whole"], items);
    }

    [Fact]
    public async Task A_failing_lane_fails_the_read()
    {
        async IAsyncEnumerable<string> Read(PageLane lane, [EnumeratorCancellation] CancellationToken cancellation)
        {
            await Task.Yield();
            if (lane.Query[0].Value == "3")
            {
                throw new TapException("lane 3 failed");
            }

            yield return "records";
        }

        var error = await Assert.ThrowsAsync<TapException>(async () =>
        {
            await foreach (var _ in LaneReader.ReadAsync(Enumerable.Range(0, 8).Select(Lane).ToArray(), 4, Read, _ => "mark", default))
            {
            }
        });

        Assert.Equal("lane 3 failed", error.Message);
    }
}
