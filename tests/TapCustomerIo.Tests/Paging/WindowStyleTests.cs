using TapCustomerIo.Paging;

namespace TapCustomerIo.Tests.Paging;

public sealed class WindowStyleTests
{
    private static readonly DateTimeOffset From = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Windows_are_consecutive_inclusive_and_end_at_the_signpost()
    {
        var to = From.AddDays(65).AddHours(5);

        var lanes = PageStyle.Windows(1000, days: 30).Lanes(From, to);

        Assert.Equal(3, lanes.Count);
        Assert.Equal([("start_ts", "1704067200"), ("end_ts", "1706659199")], lanes[0].Query.Select(q => (q.Key, q.Value)));
        Assert.Equal(From.AddDays(30).AddSeconds(-1), lanes[0].Through);
        Assert.Equal([("start_ts", "1706659200"), ("end_ts", "1709251199")], lanes[1].Query.Select(q => (q.Key, q.Value)));
        Assert.Equal(to, lanes[2].Through);
        Assert.Equal(to.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), lanes[2].Query[1].Value);
    }

    [Fact]
    public void A_range_that_is_already_read_has_no_window()
    {
        Assert.Empty(PageStyle.Windows(1000).Lanes(From, From.AddSeconds(-1)));
        Assert.Single(PageStyle.Windows(1000).Lanes(From, From));
    }

    [Fact]
    public void Windows_are_read_four_at_once_and_filter_by_time_while_other_lists_are_one_lane()
    {
        Assert.Equal(4, PageStyle.Windows(1000).ParallelLanes);
        Assert.True(PageStyle.Windows(1000).FiltersByTime);
        Assert.Equal(1, PageStyle.Cursor(100).ParallelLanes);
        var whole = Assert.Single(PageStyle.Cursor(100).Lanes(From, From.AddDays(100)));
        Assert.Empty(whole.Query);
        Assert.Null(whole.Through);
    }
}
