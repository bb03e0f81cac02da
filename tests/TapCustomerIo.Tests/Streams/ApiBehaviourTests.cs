using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// Where the sources disagree on what the API does, the tap works with either behaviour: the fake serves each in turn
/// and the keys must equal the fake workspace's complete truth.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ApiBehaviourTests
{
    private static FakeApiOptions Options => new() { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 120 } };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Activities_arrive_complete_whether_the_lists_end_with_an_empty_next_or_with_empty_pages_that_carry_one(bool emptyPages)
    {
        await using var harness = await SyncHarness.StartAsync(Options with { ActivitiesEndWithEmptyPages = emptyPages });
        var data = harness.Server.Data;

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("activities", "customer_activities"));

        // Every activity but the three dated after the sync started (the next run reads those), over several pages.
        var expected = data.ActivityIds().Except(data.FutureActivityIds).Select(id => $"\"{id}\"").Order().ToArray();
        Assert.True(expected.Length > 3 * 100, "the fake's list spans several pages");
        Assert.Equal(expected, transcript.Keys("activities").Order());
        Assert.Equal(expected, transcript.Keys("customer_activities").Order());

        // An empty page ends the walk: the one request past the last page is the only one that reads nothing.
        var pages = (data.ActivityIds().Count + 99) / 100;
        Assert.Equal(pages + (emptyPages ? 1 : 0), harness.Server.Stats.Count("GET /v1/activities"));
        Assert.InRange(harness.Server.Stats.Count("GET /v1/customers/{id}/activities"), data.PeopleCount, 2 * data.PeopleCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_sender_arrives_once_whether_hidden_true_lists_the_visible_senders_too_or_not(bool includesVisible)
    {
        await using var harness = await SyncHarness.StartAsync(Options with { HiddenSendersIncludeVisible = includesVisible });
        var senders = harness.Server.Data.Catalog.SenderIdentities;

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("sender_identities"));

        Assert.Contains(senders, s => s.Hidden);
        Assert.Contains(senders, s => !s.Hidden);
        Assert.Equal(senders.Select(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), transcript.Keys("sender_identities").Order());
    }
}
