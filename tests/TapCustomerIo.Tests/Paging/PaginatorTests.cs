using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Json;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Tests.Paging;

public sealed class PaginatorTests
{
    private static readonly ApiRequest List = new(HttpMethod.Get, "/v1/things", [new("type", "a")], "things");

    private static Page PageOf(ApiRequest request, int records, string? next) =>
        new(request, RawDocument.Parse("{}"), Enumerable.Repeat(RawDocument.Parse("{}").Root, records).ToArray(), next);

    private static string Query(ApiRequest? request) => request is null ? "(stop)" : string.Join('&', request.Query.Select(q => $"{q.Key}={q.Value}"));

    [Fact]
    public void A_cursor_walk_sends_the_limit_then_each_next_cursor_until_there_is_none()
    {
        var paginator = PageStyle.Cursor(100).Start();

        var first = paginator.First(List);
        var second = paginator.Next(PageOf(first, 100, "c1"));
        var third = paginator.Next(PageOf(second!, 100, "c2"));

        Assert.Equal("type=a&limit=100", Query(first));
        Assert.Equal("type=a&limit=100&start=c1", Query(second));
        Assert.Equal("type=a&limit=100&start=c2", Query(third));
        Assert.Null(paginator.Next(PageOf(third!, 3, "")));
        Assert.Null(PageStyle.Cursor(null).Start().Next(PageOf(List, 3, null)));
    }

    [Fact]
    public void A_cursor_without_a_limit_sends_none()
    {
        Assert.Equal("type=a", Query(PageStyle.Cursor(null).Start().First(List)));
    }

    [Fact]
    public void An_empty_page_with_a_cursor_is_followed_unless_the_declaration_says_it_ends_the_list()
    {
        var page = PageOf(List, 0, "fresh");

        Assert.Equal("type=a&start=fresh", Query(PageStyle.Cursor(null).Start().Next(page)));
        Assert.Null((PageStyle.Cursor(null) with { EmptyPageEnds = true }).Start().Next(page));
        Assert.Equal("type=a&start=fresh", Query((PageStyle.Cursor(null) with { EmptyPageEnds = true }).Start().Next(PageOf(List, 1, "fresh"))));
    }

    [Fact]
    public void A_cursor_the_api_already_gave_stops_the_walk_with_a_clear_error()
    {
        var paginator = PageStyle.Cursor(10).Start();
        var second = paginator.Next(PageOf(List, 10, "same"))!;

        var error = Assert.Throws<TapException>(() => paginator.Next(PageOf(second, 10, "same")));

        Assert.Contains("stream 'things'", error.Message);
        Assert.Contains("same page cursor twice", error.Message);
    }

    [Fact]
    public void Endless_empty_pages_with_new_cursors_stop_the_walk()
    {
        var paginator = PageStyle.Cursor(10).Start();
        var request = List;

        var error = Assert.Throws<TapException>(() =>
        {
            for (var i = 0; request is not null; i++)
            {
                request = paginator.Next(PageOf(request, 0, $"c{i}"));
            }
        });

        Assert.Contains("empty pages in a row", error.Message);
    }

    [Fact]
    public void Each_walk_has_its_own_guard()
    {
        var style = PageStyle.Cursor(10);

        Assert.NotNull(style.Start().Next(PageOf(List, 1, "c1")));
        Assert.NotNull(style.Start().Next(PageOf(List, 1, "c1")));
    }

    [Fact]
    public void An_offset_walk_moves_by_the_records_read_until_a_short_page()
    {
        var paginator = PageStyle.Offset(2).Start();

        var first = paginator.First(List);
        var second = paginator.Next(PageOf(first, 2, null));
        var third = paginator.Next(PageOf(second!, 2, null));

        Assert.Equal("type=a&limit=2&offset=0", Query(first));
        Assert.Equal("type=a&limit=2&offset=2", Query(second));
        Assert.Equal("type=a&limit=2&offset=4", Query(third));
        Assert.Null(paginator.Next(PageOf(third!, 1, null)));
        Assert.Null(PageStyle.Offset(2).Start().Next(PageOf(first, 0, null)));
    }

    [Fact]
    public void An_unpaged_list_is_one_request()
    {
        var paginator = PageStyle.None.Start();

        Assert.Same(List, paginator.First(List));
        Assert.Null(paginator.Next(PageOf(List, 5, "ignored")));
    }

    [Fact]
    public void Searches_prefetch_and_children_end_at_a_404_by_declaration()
    {
        Assert.True(PageStyle.Search(1000).PrefetchNext);
        Assert.False(PageStyle.Cursor(1000).PrefetchNext);
        Assert.False(PageStyle.Cursor(1000).NotFoundEnds);
        Assert.Equal("type=a&limit=1000", Query(PageStyle.Search(1000).Start().First(List)));
    }
}
