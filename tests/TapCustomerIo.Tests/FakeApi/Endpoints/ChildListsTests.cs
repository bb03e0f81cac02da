using System.Text.Json;
using FakeCustomerIo.Data.Catalog;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class ChildListsTests
{
    [Fact]
    public async Task Trigger_errors_page_by_an_integer_offset_in_next_missing_on_the_last_page()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var trigger = data.Catalog.Broadcasts.SelectMany(b => b.Triggers).First();
        var path = $"/v1/campaigns/{trigger.BroadcastId}/triggers/{trigger.Id}/errors?limit=100";

        var first = await api.GetJsonAsync(path);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("next").ValueKind);
        Assert.Equal(100, first.GetProperty("next").GetInt32());
        var last = await api.GetJsonAsync($"{path}&start=200");
        Assert.False(last.TryGetProperty("next", out _));
        Assert.Equal(TriggerErrors.Many - 200, last.GetProperty("errors").GetArrayLength());
        Assert.Equal(TriggerErrors.Of(data.Seed, data.Catalog, trigger)[200], last.GetProperty("errors")[0].GetString());

        await FakeApiHarness.AssertErrorAsync(await api.Http.GetAsync($"{path}&start=abc"), 400);
        var deleted = data.Catalog.Broadcasts.SelectMany(b => b.Triggers).Single(t => t.Id == data.DeletedTriggerId);
        await FakeApiHarness.AssertErrorAsync(await api.Http.GetAsync($"/v1/campaigns/{deleted.BroadcastId}/triggers/{deleted.Id}/errors"), 404);
    }

    [Fact]
    public async Task Object_relationships_list_the_related_people_as_the_person_side_does()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var type = data.Catalog.ObjectTypes[0];

        // The hub object: every tenth person, and a few more, over several pages; next is "" on the last one.
        var (items, pages) = await api.WalkAsync($"/v1/objects/{type.Id}/{data.Objects.ObjectId(type, 0)}/relationships?limit=100", "cio_relationships");
        var expected = data.ObjectRelationships().Where(r => r.TypeId == type.Id && r.ObjectId == data.Objects.ObjectId(type, 0)).Select(r => r.CioId).ToList();
        Assert.Equal(expected, items.Select(i => i.GetProperty("identifiers").GetProperty("cio_id").GetString()!).ToList());
        Assert.Equal((expected.Count + 99) / 100, pages);
        Assert.All(items, i => Assert.Equal(type.Id, i.GetProperty("object_type_id").GetString()));

        // Each related person lists the object among their own relationships.
        var person = items[1].GetProperty("identifiers").GetProperty("cio_id").GetString()!;
        var (theirs, _) = await api.WalkAsync($"/v1/customers/{person}/relationships?id_type=cio_id&limit=100", "cio_relationships");
        Assert.Contains(theirs, r => r.GetProperty("identifiers").GetProperty("object_id").GetString() == data.Objects.ObjectId(type, 0));

        var byCio = await api.GetJsonAsync($"/v1/objects/{type.Id}/{data.Objects.CioObjectId(type, 0)}/relationships?id_type=cio_object_id&limit=5");
        Assert.Equal(expected.Take(5), byCio.GetProperty("cio_relationships").EnumerateArray().Select(i => i.GetProperty("identifiers").GetProperty("cio_id").GetString()!));

        var (deletedType, deletedId) = data.DeletedObject!.Value;
        await FakeApiHarness.AssertErrorAsync(await api.Http.GetAsync($"/v1/objects/{deletedType}/{deletedId}/relationships"), 404);
        await FakeApiHarness.AssertErrorAsync(await api.Http.GetAsync($"/v1/objects/{deletedType}/{deletedId}/attributes"), 404);
    }
}
