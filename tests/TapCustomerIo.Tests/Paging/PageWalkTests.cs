using TapCustomerIo.Http;
using TapCustomerIo.Paging;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Paging;

public sealed class PageWalkTests
{
    private static readonly ApiRequest List = new(HttpMethod.Get, "/v1/things", [], "things");

    private static string? TwoPages(string target) => target switch
    {
        "/v1/things?limit=2" => """{"things": [{"id": 1}, {"id": 2}], "next": "c+/1="}""",
        "/v1/things?limit=2&start=c+/1=" => """{"things": [{"id": 3}], "next": ""}""",
        _ => null,
    };

    [Fact]
    public async Task Every_page_the_paginator_asks_for_is_read_with_its_records_and_cursor()
    {
        var api = new ScriptedApi(TwoPages);
        using var client = api.Client();

        var pages = new List<Page>();
        await foreach (var page in PageWalk.ReadAsync(client, List, "things", PageStyle.Cursor(2).Start(), prefetch: false, default))
        {
            pages.Add(page);
        }

        Assert.Equal([2, 1], pages.Select(p => p.Records.Count));
        Assert.Equal(["c+/1=", ""], pages.Select(p => p.Next));
        Assert.Equal(["/v1/things?limit=2", "/v1/things?limit=2&start=c+/1="], api.Requests);
    }

    [Fact]
    public async Task A_tolerated_404_ends_the_walk_with_nothing()
    {
        var api = new ScriptedApi(_ => null);
        using var client = api.Client();

        await foreach (var _ in PageWalk.ReadAsync(client, List with { MissingIsEmpty = true }, "things", PageStyle.Cursor(2).Start(), false, default))
        {
            Assert.Fail("no page");
        }

        Assert.Single(api.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_prefetch_the_next_page_is_requested_while_the_caller_holds_this_one(bool prefetch)
    {
        var api = new ScriptedApi(TwoPages);
        using var client = api.Client();

        var sentWhileHeld = false;
        await foreach (var page in PageWalk.ReadAsync(client, List, "things", PageStyle.Cursor(2).Start(), prefetch, default))
        {
            if (page.Records.Count == 2)
            {
                sentWhileHeld = SpinWait.SpinUntil(() => api.Requests.Count == 2, prefetch ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(300));
            }
        }

        Assert.Equal(prefetch, sentWhileHeld);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task With_an_allowance_a_page_asked_for_ahead_waits_until_a_hold_is_free_and_never_blocks_the_walk()
    {
        var api = new ScriptedApi(TwoPages);
        using var client = api.Client();
        var allowance = new PageAllowance(1);

        var walk = Task.Run(async () =>
        {
            await foreach (var page in PageWalk.ReadAsync(client, List, "things", PageStyle.Cursor(2).Start(), prefetch: true, default, allowance: allowance))
            {
                using (page)
                {
                    if (page.Records.Count == 2)
                    {
                        // The only hold is this page's: the next page is not asked for while it is held.
                        Assert.False(SpinWait.SpinUntil(() => api.Requests.Count == 2, TimeSpan.FromMilliseconds(300)));
                        Assert.Null(allowance.TryTake());
                    }
                }
            }
        });

        await walk.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, api.Requests.Count);
        using var hold = allowance.TryTake(); // every hold came back
        Assert.NotNull(hold);
    }
}
