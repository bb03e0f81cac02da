using TapCustomerIo.Paging;
using TapCustomerIo.Planning;

namespace TapCustomerIo.Tests.Planning;

/// <summary>How --estimate plans a delivery window from its first page with data, as the sync will read it.</summary>
public sealed class WindowPlanTests
{
    private const long Day = 86_400;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly WindowStyle Windows = new(1000, 180);
    private static readonly PageLane Lane = WindowStyle.Windows(Start, Start.AddDays(180).AddSeconds(-1), 180).Single();
    private static readonly long Through = Lane.Through!.Value.ToUnixTimeSeconds();

    [Fact]
    public void An_empty_window_is_one_call()
    {
        // The walk read one page, empty, without a cursor.
        Assert.Equal(new WindowPlan(1, 0, true), WindowPlan.Of(Windows, Lane, new FirstData(1, 0, null, null, More: false), repeated: true));
    }

    [Fact]
    public void An_empty_first_page_comes_again_on_a_repeated_request_and_is_a_rate_on_a_fresh_one()
    {
        var first = new FirstData(1, 12, Through, Through - Day, More: false);
        Assert.Equal(new WindowPlan(2, 0, true), WindowPlan.Of(Windows, Lane, first, repeated: true));
        Assert.Equal(new WindowPlan(1, 1, true), WindowPlan.Of(Windows, Lane, first, repeated: false));
    }

    [Fact]
    public void A_short_first_page_with_a_cursor_is_read_on_at_the_time_it_covered()
    {
        // 500 records (not a full page: no division) over the window's last 10.5 days: the cursor goes on, 17 more
        // pages of 10.5 days for the other 169.5.
        var plan = WindowPlan.Of(Windows, Lane, new FirstData(0, 500, Through, Through - 21 * Day / 2 + 1, More: true), repeated: true);
        Assert.Equal(new WindowPlan(18, 0, false), plan);
    }

    [Fact]
    public void A_full_first_page_plans_the_pieces_the_sync_divides_the_window_into()
    {
        // A full page over the last day: the sync reads the other 179 days in 4 pieces of 44.75 days, 45 pages each,
        // each a fresh walk whose first page may come back empty.
        var first = new FirstData(0, 1000, Through, Through - Day + 1, More: true);
        Assert.Equal(4, Windows.Divide(Lane, 1000, Through, Through - Day + 1).Count);
        Assert.Equal(new WindowPlan(181, 4, false), WindowPlan.Of(Windows, Lane, first, repeated: true));
    }

    [Fact]
    public void Pieces_before_the_data_start_are_one_empty_call_each()
    {
        // The data starts halfway: the two older pieces hold none (one call, no empty first page), the two newer
        // ones 44.25 and 44.75 days.
        var first = new FirstData(0, 1000, Through, Through - Day + 1, More: true);
        var plan = WindowPlan.Of(Windows, Lane, first, repeated: true, dataFrom: Start.ToUnixTimeSeconds() + 90 * Day);
        Assert.Equal(new WindowPlan(1 + 1 + 1 + 45 + 45, 2, false), plan);
    }
}
