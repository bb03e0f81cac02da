using FakeCustomerIo;
using FakeCustomerIo.Data.Catalog;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// Per-parent lists no other connector syncs, against the fake's truth: broadcast trigger errors (bare strings keyed by
/// position, paged by the integer offset the API sends in <c>next</c>) and object relationships (one cursor walk per object).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ChildListStreamsTests
{
    /// <summary>The page size the tap asks for on both endpoints.</summary>
    private const int Limit = 100;

    [Fact]
    public async Task Trigger_errors_arrive_once_each_keyed_by_position_across_integer_offset_pages()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 50 } });
        var data = harness.Server.Data;
        var expected = data.TriggerErrorRows().ToArray();
        // The data must exercise what the test claims: a trigger with several pages, and a deleted one (404).
        Assert.Contains(expected.GroupBy(e => e.TriggerId), g => g.Count() > 2 * Limit);
        Assert.NotEqual(-1, data.DeletedTriggerId);

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("broadcast_trigger_errors"));

        Assert.Equal(expected.Select(e => $"{e.BroadcastId}|{e.TriggerId}|{e.Position}").Order(),
            transcript.Keys("broadcast_trigger_errors").Order());
        var texts = transcript.Records("broadcast_trigger_errors").ToDictionary(r => ((long)r["trigger_id"]!, (int)r["position"]!), r => (string)r["error"]!);
        Assert.All(expected, e => Assert.Equal(e.Error, texts[(e.TriggerId, e.Position)]));

        // One call per trigger (the deleted one included: it answers 404 and is skipped), plus one per further page of
        // 100: the fake answers 400 to a start that is not an integer offset, so each page's start was the offset sent
        // in the previous page's next.
        var triggers = data.Catalog.Broadcasts.SelectMany(b => b.Triggers).ToArray();
        var calls = triggers.Sum(t => t.Id == data.DeletedTriggerId ? 1 : Math.Max(1, (TriggerErrors.Of(data.Seed, data.Catalog, t).Count + Limit - 1) / Limit));
        Assert.Equal(calls, harness.Server.Stats.Count("GET /v1/campaigns/{id}/triggers/{trigger_id}/errors"));
    }

    [Fact]
    public async Task Object_relationships_list_every_related_person_once_at_one_walk_per_object()
    {
        await using var harness = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0, Scale = FakeScale.Small });
        var data = harness.Server.Data;
        var expected = data.ObjectRelationships().ToArray();
        var perObject = expected.GroupBy(r => (r.TypeId, r.ObjectId)).ToDictionary(g => g.Key, g => g.Count());
        // The data must exercise what the test claims: an object whose people take several pages, and a deleted one (404).
        Assert.Contains(perObject.Values, n => n > 2 * Limit);
        Assert.NotNull(data.DeletedObject);

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("object_relationships"));

        Assert.Equal(expected.Select(r => $"\"{r.TypeId}\"|\"{r.ObjectId}\"|\"{r.CioId}\"").Order(), transcript.Keys("object_relationships").Order());
        Assert.All(transcript.Records("object_relationships"), r =>
        {
            Assert.Equal((string)r["cio_id"]!, (string)r["identifiers"]!["cio_id"]!);
            Assert.False((bool)r["object_type_disabled"]!);
        });

        // One call per listed object (the deleted one answers 404 and is skipped), plus one per further page of 100.
        var objects = data.Catalog.ObjectTypes.SelectMany(t => Enumerable.Range(0, data.Objects.PerType).Select(j => (t.Id, data.Objects.ObjectId(t, j))));
        var calls = objects.Sum(o => Math.Max(1, (perObject.GetValueOrDefault(o) + Limit - 1) / Limit));
        Assert.Equal(calls, harness.Server.Stats.Count("GET /v1/objects/{type_id}/{object_id}/relationships"));
    }
}
