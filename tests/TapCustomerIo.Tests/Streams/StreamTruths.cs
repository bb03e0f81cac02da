using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Deliveries;
using FakeCustomerIo.Data.Suppressions;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// Per stream, the keys a full sync from <c>start</c> must emit, computed from the fake's data (never from the tap's
/// requests), formatted as <see cref="Support.SingerTranscript.Keys"/> formats them. A null entry means no exact truth
/// is computed for that stream (its records are only checked to exist and be unique); a stream with no entry at all
/// fails its test, so a new stream needs a line here.
/// </summary>
internal static class StreamTruths
{
    public static IReadOnlyDictionary<string, Func<FakeDataset, long, IEnumerable<string>>?> All { get; } =
        new Dictionary<string, Func<FakeDataset, long, IEnumerable<string>>?>
        {
            // Lists, filtered on the client by their updated time since start_date.
            ["campaigns"] = (d, start) => d.Catalog.Campaigns.Where(c => c.Updated >= start).Select(c => Key(c.Id)),
            ["broadcasts"] = (d, start) => d.Catalog.Broadcasts.Where(b => b.Updated >= start).Select(b => Key(b.Id)),
            ["newsletters"] = (d, start) => d.Catalog.Newsletters.Where(n => n.Updated >= start).Select(n => Key(n.Id)),
            ["segments"] = (d, start) => d.Catalog.Segments.Where(s => s.UpdatedAt >= start).Select(s => Key(s.Id)),
            ["transactional_messages"] = (d, start) => d.Catalog.Transactional.Where(t => t.UpdatedAt >= start).Select(t => Key(t.Id)),
            ["snippets"] = (d, start) => d.Catalog.Snippets.Where(s => s.UpdatedAt >= start).Select(s => Key(s.Name)),
            ["collections"] = (d, start) => d.Catalog.Collections.Where(c => c.UpdatedAt >= start).Select(c => Key(c.Id)),
            ["exports"] = (d, start) => d.Catalog.Exports.Where(e => e.UpdatedAt >= start).Select(e => Key(e.Id)),

            // Whole lists.
            ["sender_identities"] = (d, _) => d.Catalog.SenderIdentities.Select(s => Key(s.Id)),
            ["reporting_webhooks"] = (d, _) => d.Catalog.ReportingWebhooks.Select(w => Key(w.Id)),
            ["subscription_topics"] = (d, _) => d.Catalog.Topics.Select(t => Key(t.Id)),
            ["subscription_channels"] = (d, _) => d.Catalog.Channels.Select(c => Key(c.Id)),
            ["object_types"] = (d, _) => d.Catalog.ObjectTypes.Select(t => Key(t.Id)),
            ["info_ip_addresses"] = (d, _) => d.Catalog.IpAddresses.Select(ip => Key(ip)),
            ["workspaces"] = (_, _) => [Key(1L)],
            ["customers"] = (d, _) => d.AllCioIds().Select(id => Key(id)),
            ["objects"] = (d, _) => d.ObjectKeys().Select(o => Key(o.TypeId, o.ObjectId)),
            ["object_attributes"] = (d, _) => d.ObjectKeys().Where(o => o != d.DeletedObject).Select(o => Key(o.TypeId, o.ObjectId)),
            ["esp_suppressions"] = (d, _) => SuppressionGenerator.Types.SelectMany(t => d.SuppressionEmails(t).Select(e => Key(t, e))),

            // Children of a parent (the deleted campaign's and segment's children answer 404).
            ["campaign_actions"] = (d, start) => d.Catalog.Campaigns.Where(c => c.Id != d.DeletedCampaignId)
                .SelectMany(c => c.ActionDetails.Where(a => a.Updated >= start).Select(a => Key(c.Id, a.Key))),
            ["broadcast_actions"] = (d, start) => d.Catalog.Broadcasts
                .SelectMany(b => b.ActionDetails.Where(a => a.Updated >= start).Select(a => Key(b.Id, a.Key))),
            ["broadcast_triggers"] = (d, start) => d.Catalog.Broadcasts
                .SelectMany(b => b.Triggers.Where(t => t.CreatedAt >= start).Select(t => Key(b.Id, t.Id))),
            ["newsletter_test_groups"] = (d, _) => d.Catalog.Newsletters.SelectMany(n => n.TestGroups.Select(g => Key(n.Id, (long)g.Id))),
            ["newsletter_variants"] = (d, _) => d.Catalog.Newsletters.SelectMany(n => n.Contents.Select(c => Key(n.Id, c.Id))),
            ["transactional_contents"] = (d, _) => d.Catalog.Transactional.SelectMany(t => t.Contents.Select(c => Key(t.Id, c.Id))),
            ["segment_membership"] = (d, _) => d.Catalog.Segments.Where(s => s.Id != d.DeletedSegmentId)
                .SelectMany(s => d.SegmentMemberCioIds(s.Id).Select(cio => Key(s.Id, cio))),
            ["segment_usage"] = (d, _) => d.Catalog.Segments.Where(s => s.Id != d.DeletedSegmentId).Select(s => Key(s.Id)),
            ["customer_segments"] = (d, _) => d.CustomerSegmentKeys().Select(k => Key(k.CioId, k.SegmentId)),

            // Deliveries and activities: the whole history lies after start_date.
            ["messages"] = (d, start) => d.DeliveryIds(start, d.NowUnix(d.Generation)).Select(id => Key(id)),
            // The three future-dated activities lie beyond the run's signpost.
            ["activities"] = (d, _) => d.ActivityIds().Except(d.FutureActivityIds).Select(id => Key(id)),

            // A parent's list holds its deliveries from the parent's creation on (the deleted campaign's answers 404).
            ["campaign_messages"] = (d, _) => d.Catalog.Campaigns.Where(c => c.Id != d.DeletedCampaignId)
                .SelectMany(c => d.ParentDeliveryIds(ParentKind.Campaign, c.Id, c.Created)).Select(id => Key(id)),
            ["broadcast_messages"] = (d, _) => d.Catalog.Broadcasts
                .SelectMany(b => d.ParentDeliveryIds(ParentKind.Broadcast, b.Id, b.Created)).Select(id => Key(id)),
            ["newsletter_messages"] = (d, _) => d.Catalog.Newsletters
                .SelectMany(n => d.ParentDeliveryIds(ParentKind.Newsletter, n.Id, n.Created)).Select(id => Key(id)),
            ["transactional_deliveries"] = (d, _) => d.Catalog.Transactional
                .SelectMany(t => d.ParentDeliveryIds(ParentKind.Transactional, t.Id, t.CreatedAt)).Select(id => Key(id)),

            // One row per tracked link.
            ["campaign_link_metrics"] = (d, _) => d.Catalog.Campaigns.Where(c => c.Id != d.DeletedCampaignId).SelectMany(c => c.Links.Select(l => Key(c.Id, l.Id))),
            ["broadcast_link_metrics"] = (d, _) => d.Catalog.Broadcasts.SelectMany(b => b.Links.Select(l => Key(b.Id, l.Id))),

            ["campaign_action_link_metrics"] = (d, _) => d.Catalog.Campaigns.Where(c => c.Id != d.DeletedCampaignId)
                .SelectMany(c => c.ActionDetails.SelectMany(a => a.Links.Select(l => Key(c.Id, a.Key, l.Id)))),
            ["broadcast_action_link_metrics"] = (d, _) => d.Catalog.Broadcasts
                .SelectMany(b => b.ActionDetails.SelectMany(a => a.Links.Select(l => Key(b.Id, a.Key, l.Id)))),
            ["newsletter_link_metrics"] = (d, _) => d.Catalog.Newsletters.SelectMany(n => n.Links.Select(l => Key(n.Id, l.Id))),
            ["newsletter_variant_link_metrics"] = (d, _) => d.Catalog.Newsletters
                .SelectMany(n => n.ContentIds.SelectMany(c => n.Links.Select(l => Key(n.Id, c, l.Id)))),
            ["transactional_link_metrics"] = (d, _) => d.Catalog.Transactional.SelectMany(t => t.Links.Select(l => Key(t.Id, l.Id))),

            // One count per segment (the deleted one answers 404).
            ["segment_customer_counts"] = (d, _) => d.Catalog.Segments.Where(s => s.Id != d.DeletedSegmentId).Select(s => Key(s.Id)),

            // Children of triggers and objects (the deleted trigger and object answer 404).
            ["broadcast_trigger_errors"] = (d, _) => d.TriggerErrorRows().Select(r => Key(r.BroadcastId, r.TriggerId, (long)r.Position)),
            ["object_relationships"] = (d, _) => d.ObjectRelationships().Select(r => Key(r.TypeId, r.ObjectId, r.CioId)),

            // Per person: every person's activities are the workspace's, and the relationships are computed per person.
            ["customer_activities"] = (d, _) => d.ActivityIds().Except(d.FutureActivityIds).Select(id => Key(id)),
            ["customer_relationships"] = (d, _) => d.RelationshipKeys().Select(r => Key(r.CioId, r.TypeId, r.ObjectId)),

            // Every person's deliveries since start_date (before it, the whole history), not only the API's default six
            // months: the tap reads them in windows (issue 11 item 8).
            ["customer_messages"] = (d, _) => d.AllCioIds().SelectMany(d.PersonDeliveryIds).Select(id => Key(id)),

            // No exact truth: a metric stream's rows are buckets of the tap's own calendar and resolution choices,
            // which other work is changing (issue 11 items 3 and 4); records and unique keys only.
            ["campaign_metrics"] = null,
            ["campaign_action_metrics"] = null,
            ["campaign_journey_metrics"] = null,
            ["broadcast_metrics"] = null,
            ["broadcast_action_metrics"] = null,
            ["newsletter_metrics"] = null,
            ["newsletter_variant_metrics"] = null,
            ["transactional_metrics"] = null,
        };

    /// <summary>A key as the transcript writes it: each part as JSON, joined by '|'.</summary>
    private static string Key(params object[] parts) => string.Join("|", parts.Select(p => JsonSerializer.Serialize(p)));
}
