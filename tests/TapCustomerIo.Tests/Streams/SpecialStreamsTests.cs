using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>The streams peers skip or get wrong, checked against the fake workspace's own data.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SpecialStreamsTests
{
    private const int People = 300;

    private static FakeApiOptions Options => new() { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = People } };

    [Fact]
    public async Task Per_person_streams_walk_the_people_once_and_cost_one_call_per_person_each()
    {
        await using var harness = await SyncHarness.StartAsync(Options);
        var data = harness.Server.Data;

        var transcript = await harness.SyncAsync(harness.Config(),
            harness.Catalog("customer_activities", "customer_messages", "customer_segments", "customer_relationships"));

        // People are listed once for all four streams, and their profiles are not fetched (customers is not selected).
        Assert.Equal(1, harness.Server.Stats.Count("POST /v1/customers"));
        Assert.Equal(0, harness.Server.Stats.Count("POST /v1/customers/attributes"));
        foreach (var child in new[] { "segments", "activities", "relationships" })
        {
            // One call per person: the README's cost.
            Assert.Equal(People, harness.Server.Stats.Count($"GET /v1/customers/{{id}}/{child}"));
        }

        // Messages: one call per 180-day window since start_date (400 days: three windows, no profile so no creation
        // time), and a delivery window can answer an empty page that still carries a cursor.
        Assert.InRange(harness.Server.Stats.Count("GET /v1/customers/{id}/messages"), 3 * People, 6 * People);

        // customer_segments: exactly the memberships the fake holds.
        var expected = data.Catalog.Segments.Where(s => s.Id != data.DeletedSegmentId)
            .SelectMany(s => data.SegmentMemberCioIds(s.Id).Select(cio => $"\"{cio}\"|{s.Id}")).Order();
        Assert.Equal(expected, transcript.Keys("customer_segments").Order());
        Assert.All(transcript.Records("customer_relationships"), r =>
        {
            Assert.NotNull(r["object_type_id"]);
            Assert.NotNull(r["object_id"]);
        });
        Assert.NotEmpty(transcript.Records("customer_relationships"));
        Assert.NotEmpty(transcript.Records("customer_activities"));
        Assert.All(transcript.Records("customer_messages"), r => Assert.NotNull(r["customer_cio_id"]));
    }

    [Fact]
    public async Task Objects_membership_and_suppressions_match_the_workspace()
    {
        await using var harness = await SyncHarness.StartAsync(Options);
        var data = harness.Server.Data;
        var config = harness.Config(new JsonObject { ["esp_domains"] = new JsonArray("mail.example.com") });

        var transcript = await harness.SyncAsync(config, harness.Catalog("objects", "object_attributes", "segment_membership", "esp_suppressions"));

        var objects = data.Catalog.ObjectTypes.SelectMany(t => Enumerable.Range(0, data.Objects.PerType).Select(j => $"\"{t.Id}\"|\"{data.Objects.ObjectId(t, j)}\"")).Order();
        Assert.Equal(objects, transcript.Keys("objects").Order());
        var deleted = $"\"{data.DeletedObject!.Value.TypeId}\"|\"{data.DeletedObject.Value.ObjectId}\""; // answers 404: skipped
        Assert.Equal(objects.Where(o => o != deleted), transcript.Keys("object_attributes").Order());
        Assert.Equal(objects.Count(), harness.Server.Stats.Count("GET /v1/objects/{type_id}/{object_id}/attributes"));

        var members = data.Catalog.Segments.Where(s => s.Id != data.DeletedSegmentId)
            .SelectMany(s => data.SegmentMemberCioIds(s.Id).Select(cio => $"{s.Id}|\"{cio}\"")).Order();
        Assert.Equal(members, transcript.Keys("segment_membership").Order());

        var suppressions = new[] { "bounces", "blocks", "spam_reports", "invalid_emails" }
            .SelectMany(type => new[] { "", "mail.example.com" }.SelectMany(domain =>
                data.SuppressionEmails(type, domain.Length == 0 ? null : domain).Select(email => $"\"{type}\"|\"{domain}\"|\"{email}\"")))
            .Order();
        Assert.Equal(suppressions, transcript.Keys("esp_suppressions").Order());
    }

    [Fact]
    public async Task Metric_rows_carry_the_api_series_one_bucket_a_row()
    {
        await using var harness = await SyncHarness.StartAsync(Options);
        var data = harness.Server.Data;

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("broadcast_metrics", "campaign_metrics", "campaign_journey_metrics", "campaign_link_metrics", "broadcast_link_metrics"));

        // broadcast_metrics: 45 daily buckets per broadcast (the API's maximum), values as the API sends them.
        var broadcast = data.Catalog.Broadcasts[0].Id;
        using var http = new HttpClient { BaseAddress = harness.Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", harness.Server.Options.ApiKey);
        var raw = await http.GetFromJsonAsync<JsonObject>($"/v1/broadcasts/{broadcast}/metrics?period=days&steps=45");
        var series = raw!["metric"]!["series"]!.AsObject();
        var rows = transcript.Records("broadcast_metrics").Where(r => (long)r["broadcast_id"]! == broadcast).OrderBy(r => (string)r["period_start"]!).ToArray();
        Assert.Equal(45, rows.Length);
        foreach (var (name, values) in series)
        {
            Assert.Equal(values!.AsArray().Select(v => v!.ToJsonString()), rows.Select(r => r[name]!.ToJsonString()));
        }

        // Buckets start at US Eastern midnight, one day apart on the local calendar.
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(DateTimeOffset.Parse((string)r["period_start"]!, System.Globalization.CultureInfo.InvariantCulture), eastern).TimeOfDay));
        Assert.Equal(rows.Length, rows.Select(r => (string)r["period_start"]!).Distinct().Count());

        // Campaign (version 2) and journey metrics: one row per campaign and bucket, time-keyed, incremental.
        Assert.NotEmpty(transcript.Records("campaign_metrics"));
        Assert.All(transcript.Records("campaign_journey_metrics"), r => Assert.Equal("days", (string?)r["resolution"]));
        Assert.Equal(data.CampaignIds.Count - 1, transcript.Records("campaign_metrics").Select(r => (long)r["campaign_id"]!).Distinct().Count());
        Assert.True(transcript.LastState!["bookmarks"]!.AsObject().ContainsKey("campaign_metrics"));

        // Link metrics: one row per link with its totals.
        foreach (var stream in new[] { "campaign_link_metrics", "broadcast_link_metrics" })
        {
            Assert.NotEmpty(transcript.Records(stream));
            Assert.All(transcript.Records(stream), r =>
            {
                Assert.NotNull(r["link_id"]);
                Assert.NotNull(r["href"]);
                Assert.Equal(r["series"]!["clicked"]!.AsArray().Sum(v => (long)v!), (long)r["clicked"]!);
            });
        }
    }
}
