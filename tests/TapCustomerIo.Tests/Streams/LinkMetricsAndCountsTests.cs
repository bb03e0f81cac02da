using FakeCustomerIo;
using FakeCustomerIo.Data.Model;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>Link metrics under every parent that has links, and segment counts, against the fake workspace's own data.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LinkMetricsAndCountsTests
{
    private static FakeApiOptions Options => new() { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = 300 } };

    [Fact]
    public async Task Every_parent_with_links_gives_one_row_per_link_and_every_segment_its_count()
    {
        await using var harness = await SyncHarness.StartAsync(Options);
        var catalog = harness.Server.Data.Catalog;
        string[] streams =
        [
            "campaign_action_link_metrics", "broadcast_action_link_metrics", "newsletter_link_metrics", "newsletter_variant_link_metrics",
            "transactional_link_metrics", "segment_customer_counts",
        ];

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog(streams));

        static IEnumerable<string> Rows(IEnumerable<long> parent, IReadOnlyList<Link> links) =>
            links.Select(l => string.Join("|", parent.Append(l.Id)));
        var campaigns = catalog.Campaigns.Where(c => c.Id != catalog.DeletedCampaignId);
        Same(transcript, "campaign_action_link_metrics", campaigns.SelectMany(c => c.ActionDetails.SelectMany(a => Rows([c.Id, a.Key], a.Links))));
        Same(transcript, "broadcast_action_link_metrics", catalog.Broadcasts.SelectMany(b => b.ActionDetails.SelectMany(a => Rows([b.Id, a.Key], a.Links))));
        Same(transcript, "newsletter_link_metrics", catalog.Newsletters.SelectMany(n => Rows([n.Id], n.Links)));
        Same(transcript, "newsletter_variant_link_metrics", catalog.Newsletters.SelectMany(n => n.ContentIds.SelectMany(c => Rows([n.Id, c], n.Links))));
        Same(transcript, "transactional_link_metrics", catalog.Transactional.SelectMany(t => Rows([t.Id], t.Links)));
        foreach (var stream in streams[..^1])
        {
            Assert.All(transcript.Records(stream), r => Assert.Equal(r["series"]!["clicked"]!.AsArray().Sum(v => (long)v!), (long)r["clicked"]!));
        }

        // One count per segment (the deleted one answers 404), equal to its members.
        var data = harness.Server.Data;
        Same(transcript, "segment_customer_counts", catalog.Segments.Where(s => s.Id != data.DeletedSegmentId).Select(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(transcript.Records("segment_customer_counts"), r => Assert.Equal(data.SegmentMemberCioIds((long)r["segment_id"]!).Count, (long)r["count"]!));
        Assert.Contains(transcript.Records("segment_customer_counts"), r => (long)r["count"]! == 0 && (long)r["segment_id"]! == data.EmptySegmentId);
    }

    private static void Same(SingerTranscript transcript, string stream, IEnumerable<string> expected)
    {
        var want = expected.Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(want);
        Assert.Equal(want, transcript.Keys(stream).Order(StringComparer.Ordinal));
    }
}
