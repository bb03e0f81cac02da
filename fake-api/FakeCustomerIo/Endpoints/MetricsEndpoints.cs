using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Metrics;

namespace FakeCustomerIo.Endpoints;

/// <summary>Every metrics route. Children of the deleted campaign answer 404 like its other children.</summary>
internal static class MetricsEndpoints
{
    /// <summary>Email actions report two language variants in version 2, the default first.</summary>
    public static readonly string[] EmailLanguages = ["en", "fr"];

    /// <summary>The hash scope of one series: with <see cref="MetricsResponses.BucketHash"/>, a bucket's values.</summary>
    public static ulong Scope(int seed, string kind, long id, long action = 0) => Funnel.Scope(seed, $"{kind}:{id}:{action}");

    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiOptions options)
    {
        ulong Scope(string kind, long id, long action = 0) => MetricsEndpoints.Scope(data.Seed, kind, id, action);

        Routes.Get(app, "/v1/campaigns/{id}/metrics", ctx =>
            MetricsResponses.VersionedAsync(ctx, Scope("campaign", Lookup.Campaign(ctx, data.State).Id), options, []));
        Routes.Get(app, "/v1/campaigns/{id}/actions/{action_id}/metrics", ctx =>
        {
            var action = Lookup.CampaignAction(ctx, data.State);
            return MetricsResponses.VersionedAsync(ctx, Scope("campaign_action", 0, action.Key), options, action.Type == "email" ? EmailLanguages : []);
        });
        Routes.Get(app, "/v1/campaigns/{id}/metrics/links", ctx =>
        {
            var campaign = Lookup.Campaign(ctx, data.State);
            return MetricsResponses.LinksAsync(ctx, Scope("campaign_links", campaign.Id), campaign.Links);
        });
        Routes.Get(app, "/v1/campaigns/{id}/actions/{action_id}/metrics/links", ctx =>
        {
            var action = Lookup.CampaignAction(ctx, data.State);
            return MetricsResponses.LinksAsync(ctx, Scope("action_links", 0, action.Key), action.Links);
        });
        Routes.Get(app, "/v1/campaigns/{id}/journey_metrics", ctx =>
            MetricsResponses.JourneyAsync(ctx, Scope("journey", Lookup.Campaign(ctx, data.State).Id)));

        Routes.Get(app, "/v1/broadcasts/{id}/metrics", ctx =>
            MetricsResponses.PeriodStepsAsync(ctx, Scope("broadcast", Lookup.Broadcast(ctx, data.State).Id)));
        Routes.Get(app, "/v1/broadcasts/{id}/actions/{action_id}/metrics", ctx =>
            MetricsResponses.PeriodStepsAsync(ctx, Scope("broadcast_action", 0, Lookup.BroadcastAction(ctx, data.State).Key)));
        Routes.Get(app, "/v1/broadcasts/{id}/metrics/links", ctx =>
        {
            var broadcast = Lookup.Broadcast(ctx, data.State);
            return MetricsResponses.LinksAsync(ctx, Scope("broadcast_links", broadcast.Id), broadcast.Links);
        });
        Routes.Get(app, "/v1/broadcasts/{id}/actions/{action_id}/metrics/links", ctx =>
        {
            var action = Lookup.BroadcastAction(ctx, data.State);
            return MetricsResponses.LinksAsync(ctx, Scope("action_links", 0, action.Key), action.Links);
        });

        Routes.Get(app, "/v1/newsletters/{id}/metrics", ctx =>
            MetricsResponses.PeriodStepsAsync(ctx, Scope("newsletter", Lookup.Newsletter(ctx, data.State).Id)));
        Routes.Get(app, "/v1/newsletters/{id}/metrics/links", ctx =>
        {
            var newsletter = Lookup.Newsletter(ctx, data.State);
            return MetricsResponses.LinksAsync(ctx, Scope("newsletter_links", newsletter.Id), newsletter.Links);
        });
        Routes.Get(app, "/v1/newsletters/{id}/contents/{content_id}/metrics", ctx =>
        {
            var newsletter = Lookup.Newsletter(ctx, data.State);
            var contentId = Http.QueryParams.RouteLong(ctx, "content_id", "content");
            if (!newsletter.ContentIds.Contains(contentId))
            {
                throw Http.ApiException.NotFound($"content {contentId}");
            }

            return MetricsResponses.PeriodStepsAsync(ctx, Scope("content", newsletter.Id, contentId));
        });
        // A variant carries its newsletter's links.
        Routes.Get(app, "/v1/newsletters/{id}/contents/{content_id}/metrics/links", ctx =>
        {
            var newsletter = Lookup.Newsletter(ctx, data.State);
            var contentId = Http.QueryParams.RouteLong(ctx, "content_id", "content");
            if (!newsletter.ContentIds.Contains(contentId))
            {
                throw Http.ApiException.NotFound($"content {contentId}");
            }

            return MetricsResponses.LinksAsync(ctx, Scope("content_links", newsletter.Id, contentId), newsletter.Links);
        });

        Routes.Get(app, "/v1/transactional/{id}/metrics", ctx =>
            MetricsResponses.PeriodStepsAsync(ctx, Scope("transactional", Lookup.Transactional(ctx, data.State).Id)));
        Routes.Get(app, "/v1/transactional/{id}/metrics/links", ctx =>
        {
            var transactional = Lookup.Transactional(ctx, data.State);
            return MetricsResponses.LinksAsync(ctx, Scope("transactional_links", transactional.Id), transactional.Links);
        });
    }
}
