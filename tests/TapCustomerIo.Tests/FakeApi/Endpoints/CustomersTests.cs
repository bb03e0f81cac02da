using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class CustomersTests
{
    private const string MatchAll = """{"filter":{"and":[{"attribute":{"field":"cio_id","operator":"exists"}}]}}""";

    [Fact]
    public async Task Match_all_search_lists_every_person_once_and_some_have_no_id()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var (items, pages) = await api.WalkAsync("/v1/customers?limit=1000", "identifiers", MatchAll);
        Assert.Equal(api.Server.Data.AllCioIds().ToList(), items.Select(i => i.GetProperty("cio_id").GetString()!).ToList());
        Assert.Equal(3, pages);
        var withoutId = items.Count(i => i.GetProperty("id").ValueKind == JsonValueKind.Null);
        Assert.InRange(withoutId, items.Count / 7, items.Count / 3);
    }

    [Fact]
    public async Task Filters_on_segments_and_attributes_and_a_filter_matching_nothing()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (members, _) = await api.WalkAsync("/v1/customers?limit=1000", "identifiers", """{"filter":{"segment":{"id":2}}}""");
        Assert.Equal(data.SegmentMemberCioIds(2), members.Select(i => i.GetProperty("cio_id").GetString()!).ToList());

        var (pro, _) = await api.WalkAsync("/v1/customers?limit=1000", "identifiers",
            """{"filter":{"and":[{"attribute":{"field":"plan","operator":"eq","value":"pro"}}]}}""");
        var expected = Enumerable.Range(0, (int)data.PeopleCount).Where(p => data.People.Attribute(p, "plan") == "pro").Count();
        Assert.Equal(expected, pro.Count);
        Assert.InRange(pro.Count, 1, (int)data.PeopleCount - 1);

        var none = await api.PostJsonAsync("/v1/customers?limit=10", """{"filter":{"attribute":{"field":"plan","operator":"eq","value":"platinum"}}}""");
        Assert.Equal(JsonValueKind.Null, none.GetProperty("identifiers").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("ids").ValueKind);
        Assert.Equal("", none.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Batch_attributes_wrap_every_seventh_item_omit_unknown_ids_and_keep_values_as_strings()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var cioIds = api.Server.Data.AllCioIds().Take(97).ToList();
        var body = JsonSerializer.Serialize(new { ids = cioIds.Concat(["000000000000", "nope", "ffffffffffff"]) });
        var customers = (await api.PostJsonAsync("/v1/customers/attributes?id_type=cio_id", body)).GetProperty("customers").EnumerateArray().ToList();

        Assert.Equal(97, customers.Count);
        for (var k = 0; k < customers.Count; k++)
        {
            Assert.Equal(k % 7 == 6, customers[k].TryGetProperty("customer", out _));
        }

        var people = customers.Select(c => c.TryGetProperty("customer", out var inner) ? inner : c).ToList();
        Assert.Equal(cioIds, people.Select(p => p.GetProperty("identifiers").GetProperty("cio_id").GetString()!).ToList());
        foreach (var person in people)
        {
            var attributes = person.GetProperty("attributes").EnumerateObject().ToList();
            Assert.All(attributes, a => Assert.Equal(JsonValueKind.String, a.Value.ValueKind));
            Assert.All(person.GetProperty("timestamps").EnumerateObject(), t => Assert.Equal(JsonValueKind.Number, t.Value.ValueKind));
            var custom = attributes.Count(a => Array.IndexOf(FakeCustomerIo.Data.People.PeopleGenerator.Custom, a.Name) >= 0);
            Assert.InRange(custom, 3, 8);
            Assert.Equal(JsonValueKind.Array, person.GetProperty("devices").ValueKind);
        }
    }

    [Theory]
    [InlineData("/v1/customers/attributes?id_type=cio_id", """{"ids":[]}""")]
    [InlineData("/v1/customers/attributes?id_type=email", """{"ids":["a@example.com"]}""")]
    [InlineData("/v1/customers/attributes?id_type=cio_id", "not json")]
    [InlineData("/v1/customers?limit=10", """{"no_filter":true}""")]
    [InlineData("/v1/customers?limit=10", "[1,2]")]
    [InlineData("/v1/objects?limit=10", """{"filter":{}}""")]
    public async Task Malformed_post_requests_answer_400(string path, string body)
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var response = await api.PostAsync(path, body);
        await FakeApiHarness.AssertErrorAsync(response, 400);
    }

    [Fact]
    public async Task Per_person_lists_and_an_unknown_person()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var cio = api.Server.Data.AllCioIds().Skip(5).First();
        await api.GetJsonAsync($"/v1/customers/{cio}/segments?id_type=cio_id");
        await api.WalkAsync($"/v1/customers/{cio}/relationships?id_type=cio_id&limit=1", "cio_relationships");
        using var unknown = await api.Http.GetAsync("/v1/customers/000000000000/segments?id_type=cio_id");
        await FakeApiHarness.AssertErrorAsync(unknown, 404);
    }
}
