using System.Globalization;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using FakeCustomerIo.Endpoints;
using FakeCustomerIo.Metrics;
using TapCustomerIo.Singer;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// Campaign metrics version 2 and journey metrics through the built tap, under each calendar and <c>start</c> text the
/// fake can serve: every row's bucket start and values equal the fake's own buckets. Weekly buckets in New York,
/// from a Sunday five weeks back, so the series crosses a daylight-saving change whenever one falls in the window.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MetricBucketStreamsTests
{
    private const string Zone = "America/New_York";
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    [Theory]
    [InlineData(nameof(DayOfWeek.Sunday), nameof(MetricsStartText.GoTime))]
    [InlineData(nameof(DayOfWeek.Monday), nameof(MetricsStartText.GoTime))]
    [InlineData(nameof(DayOfWeek.Monday), nameof(MetricsStartText.Iso8601))]
    [InlineData(nameof(DayOfWeek.Sunday), nameof(MetricsStartText.Omitted))] // no start: the tap's own calendar (Sunday weeks)
    public async Task Bucket_starts_and_values_equal_the_fakes_buckets(string weekStart, string startText)
    {
        var options = new FakeApiOptions
        {
            RateLimitPerSecond = 0,
            MetricsWeekStart = Enum.Parse<DayOfWeek>(weekStart),
            MetricsStartText = Enum.Parse<MetricsStartText>(startText),
        };
        await using var harness = await SyncHarness.StartAsync(options);
        var data = harness.Server.Data;
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-35), NewYork).Date;
        var sunday = local.AddDays(-(int)local.DayOfWeek);
        var startDate = new DateTimeOffset(sunday, NewYork.GetUtcOffset(sunday));
        var config = harness.Config(new JsonObject
        {
            ["start_date"] = Rfc3339.Format(startDate),
            ["metrics_resolution"] = "weeks",
            ["metrics_timezone"] = Zone,
        });
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var transcript = await harness.SyncAsync(config, harness.Catalog("campaign_metrics", "campaign_action_metrics", "campaign_journey_metrics"));

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var campaigns = data.Catalog.Campaigns.Where(c => c.Id != data.DeletedCampaignId).ToArray();

        // Version 2: the fake's weeks (Sunday or Monday) in New York; the first starts before start_date and is left out.
        DateTimeOffset[] Weeks(long end) =>
            [.. Buckets.Aligned(startDate.ToUnixTimeSeconds(), end, Resolution.Weeks, NewYork, options.MetricsWeekStart)!.Starts.Where(s => s >= startDate)];
        Assert.All(Weeks(after), s => Assert.Equal(options.MetricsWeekStart, TimeZoneInfo.ConvertTime(s, NewYork).DayOfWeek));
        SameKeys(transcript, "campaign_metrics", end => campaigns.SelectMany(c => Weeks(end).Select(s => $"{c.Id}|\"weeks\"|\"{Rfc3339.Format(s)}\"")), before, after);
        SameKeys(transcript, "campaign_action_metrics", end => campaigns.SelectMany(c => c.ActionDetails.SelectMany(a =>
            Weeks(end).Select(s => $"{c.Id}|{a.Key}|\"weeks\"|\"{Rfc3339.Format(s)}\""))), before, after);
        foreach (var row in transcript.Records("campaign_metrics"))
        {
            AssertValues(row, Funnel.MessageMetrics, Funnel.Messages(Hash(data.Seed, "campaign", (long)row["campaign_id"]!, 0, row)));
        }

        foreach (var row in transcript.Records("campaign_action_metrics"))
        {
            var hash = Hash(data.Seed, "campaign_action", 0, (long)row["action_id"]!, row);
            AssertValues(row, Funnel.MessageMetrics, Funnel.Messages(hash));
            if (row["language_variants"] is JsonObject variants)
            {
                Assert.Equal(MetricsEndpoints.EmailLanguages, variants.Select(v => v.Key));
                Assert.True((bool)variants["en"]!["default"]!);
                var french = FakeCustomerIo.Data.Hash.Mix(hash ^ FakeCustomerIo.Data.Hash.OfString(0, "fr"));
                AssertValues(variants["fr"]!.AsObject(), Funnel.MessageMetrics, Funnel.Messages(french));
            }
        }

        Assert.Contains(transcript.Records("campaign_action_metrics"), r => r["language_variants"] is JsonObject);

        // Journey: the tap asks from the start of start_date's UTC week; buckets step from there in UTC.
        var asked = new DateTimeOffset(startDate.UtcDateTime.Date.AddDays(-(int)startDate.UtcDateTime.DayOfWeek), TimeSpan.Zero);
        SameKeys(transcript, "campaign_journey_metrics", end => campaigns.SelectMany(c =>
            Buckets.FromRequest(asked.ToUnixTimeSeconds(), end, Resolution.Weeks)!.Starts.Where(s => s >= startDate)
                .Select(s => $"{c.Id}|\"weeks\"|\"{Rfc3339.Format(s)}\"")), before, after);
        foreach (var row in transcript.Records("campaign_journey_metrics"))
        {
            AssertValues(row, Funnel.JourneyMetrics, Funnel.Journey(Hash(data.Seed, "journey", (long)row["campaign_id"]!, 0, row)));
        }
    }

    private static ulong Hash(int seed, string kind, long id, long action, JsonObject row) =>
        MetricsResponses.BucketHash(MetricsEndpoints.Scope(seed, kind, id, action), Resolution.Weeks,
            DateTimeOffset.Parse((string)row["period_start"]!, CultureInfo.InvariantCulture));

    private static void AssertValues(JsonObject row, string[] names, long[] expected)
    {
        for (var m = 0; m < names.Length; m++)
        {
            Assert.Equal(expected[m], (long)row[names[m]]!);
        }
    }

    /// <summary>The keys equal the fake's for the run's signpost, which lies between <paramref name="before"/> and <paramref name="after"/>.</summary>
    private static void SameKeys(SingerTranscript transcript, string stream, Func<long, IEnumerable<string>> expected, long before, long after)
    {
        var actual = transcript.Keys(stream).Order(StringComparer.Ordinal).ToArray();
        var early = expected(before).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(early);
        if (!actual.SequenceEqual(early))
        {
            Assert.Equal(expected(after).Order(StringComparer.Ordinal), actual);
        }
    }
}
