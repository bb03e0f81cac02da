using System.Text.Json;
using TapCustomerIo.Http;
using TapCustomerIo.Json;
using TapCustomerIo.Paging;

namespace TapCustomerIo.Tests.Paging;

/// <summary>The trigger errors' own paging rule: <c>next</c> is the integer offset of the next page.</summary>
public sealed class NextOffsetPaginatorTests
{
    private static readonly ApiRequest Request = new(HttpMethod.Get, "/v1/campaigns/1/triggers/2/errors", [], "broadcast_trigger_errors");

    private static long? Next(string body, long offset)
    {
        using var document = RawDocument.Parse(body);
        return NextOffsetPaginator.NextOffset(Envelope.Next(document), offset, Request);
    }

    [Theory]
    [InlineData("""{"errors": ["a"], "next": 100}""", 0, 100L)]
    [InlineData("""{"errors": ["a"], "next": "300"}""", 200, 300L)]
    [InlineData("""{"errors": ["a"]}""", 100, null)]
    [InlineData("""{"errors": ["a"], "next": null}""", 100, null)]
    [InlineData("""{"errors": ["a"], "next": ""}""", 100, null)]
    [InlineData("""{"errors": ["a"], "next": 0}""", 100, null)]
    public void Next_is_the_offset_to_send_as_start_or_the_end(string body, long offset, long? expected)
    {
        Assert.Equal(expected, Next(body, offset));
    }

    [Theory]
    [InlineData("""{"errors": ["a"], "next": 100}""", 100)]
    [InlineData("""{"errors": ["a"], "next": 50}""", 100)]
    [InlineData("""{"errors": ["a"], "next": "abc"}""", 0)]
    [InlineData("""{"errors": ["a"], "next": 1.5}""", 0)]
    public void An_offset_that_does_not_move_forward_or_is_not_an_integer_stops_the_sync(string body, long offset)
    {
        var error = Assert.Throws<TapException>(() => Next(body, offset));
        Assert.Contains("broadcast_trigger_errors", error.Message, StringComparison.Ordinal);
    }
}
