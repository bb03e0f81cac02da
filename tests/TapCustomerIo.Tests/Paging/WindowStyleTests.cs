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

    [Fact]
    public void Windows_take_messages_window_days_from_config_and_default_to_180()
    {
        var config = new TapCustomerIo.Config.TapConfig { ApiKey = "k", BaseUrl = new Uri("https://api.test"), MessagesWindowDays = 7 };

        Assert.Equal(180, Assert.IsType<WindowStyle>(PageStyle.Windows(1000)).Days);
        Assert.Equal(7, Assert.IsType<WindowStyle>(PageStyle.Windows(1000).For(config)).Days);
        Assert.Same(PageStyle.None, PageStyle.None.For(config));
        Assert.Equal(15, PageStyle.Windows(1000).For(config).Lanes(From, From.AddDays(100)).Count);
    }

    [Fact]
    public void A_full_first_page_divides_the_rest_of_its_window_below_its_oldest_record()
    {
        var window = (WindowStyle)PageStyle.Windows(1000);
        var lane = Assert.Single(window.Lanes(From, From.AddDays(180).AddSeconds(-1)));
        var end = lane.Through!.Value.ToUnixTimeSeconds();
        var oldest = end - 86_400; // the first page's 1,000 records cover one day: about 179 more pages below it

        var pieces = window.Divide(lane, 1000, end, oldest);

        Assert.Equal(WindowStyle.MaxPieces, pieces.Count);
        Assert.Equal(From.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), pieces[0].Query[0].Value);
        Assert.Equal(oldest.ToString(System.Globalization.CultureInfo.InvariantCulture), pieces[^1].Query[1].Value); // the boundary second is read again
        Assert.All(pieces.Zip(pieces.Skip(1)), p => Assert.Equal(long.Parse(p.First.Query[1].Value) + 1, long.Parse(p.Second.Query[0].Value)));
        Assert.All(pieces, p => Assert.Null(p.Through)); // the window's own lane moves the bookmark once every piece is read
    }

    [Theory]
    [InlineData(10, 0.15, 4)]   // the latency: four pieces keep the budget busy (bench e2e, budget scenario)
    [InlineData(10, 0.3, 4)]
    [InlineData(10, 0.6, 7)]    // 10 × 0.6 s in flight, and one for the page being handed out
    [InlineData(10, 0.95, 10)]  // 11 wanted, the cap
    [InlineData(10, 5.0, WindowStyle.MaxPiecesSlowApi)]
    [InlineData(2, 1.0, 4)]     // a small budget needs few
    [InlineData(1000, 0.05, 4)] // a budget lifted above the API's limit (the bench's CPU runs) is not a reason to hold more pages
    [InlineData(1000, 0.6, 7)]
    public void A_slow_api_gets_as_many_pieces_as_the_budget_needs_in_flight(double budget, double seconds, int expected) =>
        Assert.Equal(expected, WindowStyle.MaxPiecesAt(budget, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_dense_window_of_a_slow_api_is_divided_into_more_pieces_but_each_keeps_its_pages()
    {
        var window = (WindowStyle)PageStyle.Windows(1000);
        var lane = Assert.Single(window.Lanes(From, From.AddDays(180).AddSeconds(-1)));
        var end = lane.Through!.Value.ToUnixTimeSeconds();

        Assert.Equal(7, window.Divide(lane, 1000, end, end - 86_400, maxPieces: 7).Count);       // ~179 pages left
        Assert.Equal(5, window.Divide(lane, 1000, end, end - 4 * 86_400, maxPieces: 7).Count);   // ~44 pages: 8 a piece at least
    }

    [Fact]
    public void A_short_page_or_a_rest_of_few_pages_is_not_divided()
    {
        var window = (WindowStyle)PageStyle.Windows(1000);
        var lane = Assert.Single(window.Lanes(From, From.AddDays(180).AddSeconds(-1)));
        var end = lane.Through!.Value.ToUnixTimeSeconds();

        Assert.Empty(window.Divide(lane, 999, end, end - 86_400));
        Assert.Empty(window.Divide(lane, 1000, end, end - 30 * 86_400)); // about five pages left: the cursor goes on
    }
}
