using TapCustomerIo.Json;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Tests.Streams;

/// <summary>Repeats at page boundaries are dropped by key, exactly, whatever the page's size.</summary>
public sealed class PageRecordsTests
{
    private static IReadOnlyList<RawValue> Page(params string[] ids) =>
        RawDocument.Parse("[" + string.Join(",", ids.Select(i => $$"""{"segment_id": 7, "cio_id": "{{i}}", "email": null}""")) + "]")
            .Root.EnumerateArray().ToArray();

    [Fact]
    public void A_record_of_the_previous_page_or_earlier_on_this_one_is_dropped_and_nothing_else()
    {
        string[] keys = ["segment_id", "cio_id"];
        KeySet previous = new(keys), current = new(keys);
        var first = PageRecords.NotOnPreviousPage(Page("a", "b", "c"), ref previous, ref current);
        Assert.Equal(["a", "b", "c"], first.Select(r => r.GetProperty("cio_id").GetString()));

        var second = PageRecords.NotOnPreviousPage(Page("c", "d", "d", "e", "a"), ref previous, ref current);
        Assert.Equal(["d", "e"], second.Select(r => r.GetProperty("cio_id").GetString()));
        Assert.Equal(2, second.Count);
        Assert.Equal("e", second[1].GetProperty("cio_id").GetString());

        // Only the page just before counts: "a" was two pages ago.
        var third = PageRecords.NotOnPreviousPage(Page("a", "e"), ref previous, ref current);
        Assert.Equal(["a"], third.Select(r => r.GetProperty("cio_id").GetString()));
    }

    [Fact]
    public void Keys_of_many_records_stay_exact()
    {
        var keySet = new KeySet(["cio_id"]);
        var ids = Enumerable.Range(0, 50_000).Select(i => i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(Page(ids), r => Assert.True(keySet.Add(r)));
        Assert.All(Page(ids), r => Assert.True(keySet.Contains(r)));
        Assert.False(keySet.Contains(Page("not-there")[0]));
    }
}
