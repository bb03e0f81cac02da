using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class SegmentsTests
{
    [Fact]
    public async Task Membership_pages_repeat_the_previous_last_member_and_dedupe_to_the_generated_members()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        foreach (var segment in data.Catalog.Segments.Where(s => s.Id != data.DeletedSegmentId && s.Id != data.EmptySegmentId))
        {
            var (items, pages) = await api.WalkAsync($"/v1/segments/{segment.Id}/membership?limit=100", "identifiers");
            var cioIds = items.Select(i => i.GetProperty("cio_id").GetString()!).ToList();
            var expected = data.SegmentMemberCioIds(segment.Id);
            Assert.Equal(expected, cioIds.Distinct().ToList());
            Assert.Equal(expected.Count + pages - 1, cioIds.Count);
            Assert.True(pages > 1);
        }
    }

    [Fact]
    public async Task The_empty_segment_answers_nulls_and_the_deleted_one_404()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var empty = await api.GetJsonAsync($"/v1/segments/{data.EmptySegmentId}/membership");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("identifiers").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("ids").ValueKind);
        Assert.Equal("", empty.GetProperty("next").GetString());

        var listed = (await api.GetJsonAsync("/v1/segments")).GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("id").GetInt64());
        Assert.Contains(data.DeletedSegmentId, listed);
        foreach (var child in new[] { "membership", "used_by" })
        {
            using var response = await api.Http.GetAsync($"/v1/segments/{data.DeletedSegmentId}/{child}");
            await FakeApiHarness.AssertErrorAsync(response, 404);
        }
        var usage = await api.GetJsonAsync("/v1/segments/1/used_by");
        Assert.Equal(JsonValueKind.Array, usage.GetProperty("used_by").GetProperty("campaigns").ValueKind);
    }

    [Fact]
    public async Task Members_without_an_id_have_an_empty_string_in_ids()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var page = await api.GetJsonAsync("/v1/segments/1/membership?limit=30000");
        var identifiers = page.GetProperty("identifiers").EnumerateArray().ToList();
        var ids = page.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(identifiers.Count, ids.Count);
        Assert.Contains("", ids);
        Assert.All(identifiers.Zip(ids), pair => Assert.Equal(pair.First.GetProperty("id").GetString() ?? "", pair.Second));
    }
}
