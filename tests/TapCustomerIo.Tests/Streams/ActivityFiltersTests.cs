using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// The activity filters the definition documents, as config, through the built tap against the fake's truth:
/// <c>activity_deleted</c> (an extra <c>deleted=true</c> pass, whichever of its two readings the API has) and
/// <c>activity_names</c> (one <c>name</c> pass each).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ActivityFiltersTests
{
    private static FakeApiOptions Options => new() { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 60 } };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Activity_deleted_adds_the_deleted_activities_once_whether_the_flag_means_deleted_too_or_deleted_only(bool deletedOnly)
    {
        await using var harness = await SyncHarness.StartAsync(Options with { DeletedActivitiesOnly = deletedOnly });
        var data = harness.Server.Data;
        var visible = data.ActivityIds().Except(data.FutureActivityIds).ToArray();

        var plain = await harness.SyncAsync(harness.Config(), harness.Catalog("activities"));
        var withDeleted = await harness.SyncAsync(harness.Config(new JsonObject { ["activity_deleted"] = true }), harness.Catalog("activities"));

        Assert.Equal(visible.Select(Quoted).Order(), plain.Keys("activities").Order());
        Assert.True(visible.Length > 3 * 100, "the list spans several pages");
        var expected = visible.Concat(data.DeletedActivityIds()).Select(Quoted).Order().ToArray();
        Assert.Equal(expected, withDeleted.Keys("activities").Order()); // every one, none twice
    }

    [Fact]
    public async Task Activity_names_read_one_pass_per_name_and_keep_exactly_the_named_activities()
    {
        await using var harness = await SyncHarness.StartAsync(Options);
        var data = harness.Server.Data;
        var future = data.FutureActivityIds.ToHashSet();
        var named = data.ActivityNames().Where(a => !future.Contains(a.Id)).ToArray();
        var names = named.Where(a => a.Name.Length > 0).GroupBy(a => a.Name).OrderByDescending(g => g.Count()).Take(2).Select(g => g.Key).ToArray();
        Assert.True(named.Count(a => names.Contains(a.Name)) < named.Length, "the filter leaves some activities out");

        var transcript = await harness.SyncAsync(harness.Config(new JsonObject { ["activity_names"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]) }),
            harness.Catalog("activities"));

        Assert.Equal(named.Where(a => names.Contains(a.Name)).Select(a => Quoted(a.Id)).Order(), transcript.Keys("activities").Order());
        Assert.True(harness.Server.Stats.Count("GET /v1/activities") >= names.Length);
    }

    private static string Quoted(string id) => $"\"{id}\"";
}
