using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class WorkspaceTests
{
    [Fact]
    public async Task Every_endpoint_of_the_stream_contract_answers()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var c = data.Catalog;
        var (b, n, t, now) = (c.Broadcasts[0], c.Newsletters[0], c.Transactional[0], data.AnchorUnix);
        var cio = data.AllCioIds().First();
        var type = c.ObjectTypes[0];
        string[] gets =
        [
            "/v1/activities", "/v1/broadcasts", $"/v1/broadcasts/{b.Id}/actions", $"/v1/broadcasts/{b.Id}/triggers",
            $"/v1/broadcasts/{b.Id}/metrics", $"/v1/broadcasts/{b.Id}/actions/{b.ActionDetails[0].Key}/metrics",
            $"/v1/broadcasts/{b.Id}/metrics/links", "/v1/campaigns", "/v1/campaigns/1/actions",
            $"/v1/campaigns/1/metrics?version=2&res=days&start={now - 7 * 86_400}&end={now}&tz=America/New_York",
            "/v1/campaigns/1/actions/1/metrics", "/v1/campaigns/1/metrics/links",
            $"/v1/campaigns/1/journey_metrics?start={now - 7 * 86_400}&end={now}&resolution=days", "/v1/campaigns/1/messages",
            $"/v1/broadcasts/{b.Id}/messages", $"/v1/newsletters/{n.Id}/messages", $"/v1/transactional/{t.Id}/messages",
            "/v1/collections", $"/v1/customers/{cio}/activities?id_type=cio_id", $"/v1/customers/{cio}/messages?id_type=cio_id",
            $"/v1/customers/{cio}/segments?id_type=cio_id", $"/v1/customers/{cio}/relationships?id_type=cio_id", "/v1/exports",
            "/v1/info/ip_addresses", "/v1/messages", "/v1/newsletters", $"/v1/newsletters/{n.Id}/contents",
            $"/v1/newsletters/{n.Id}/test_groups", $"/v1/newsletters/{n.Id}/metrics", $"/v1/newsletters/{n.Id}/contents/{n.ContentIds[0]}/metrics",
            "/v1/object_types", $"/v1/objects/{type.Id}/{data.Objects.ObjectId(type, 0)}/attributes", "/v1/reporting_webhooks",
            "/v1/segments", "/v1/segments/1/membership", "/v1/segments/1/used_by", "/v1/sender_identities", "/v1/snippets",
            "/v1/subscription_topics", "/v1/subscription_channels", "/v1/transactional", $"/v1/transactional/{t.Id}/contents",
            $"/v1/transactional/{t.Id}/metrics", "/v1/workspaces", "/v1/esp/suppression/bounces", "/v1/esp/suppression/blocks",
            "/v1/esp/suppression/spam_reports", "/v1/esp/suppression/invalid_emails",
        ];
        foreach (var path in gets)
        {
            await api.GetJsonAsync(path);
        }

        await api.PostJsonAsync("/v1/customers?limit=5", """{"filter":{"and":[{"attribute":{"field":"cio_id","operator":"exists"}}]}}""");
        await api.PostJsonAsync("/v1/customers/attributes?id_type=cio_id", $$"""{"ids":["{{cio}}"]}""");
        var objects = await api.PostJsonAsync("/v1/objects?limit=1000",
            $$$"""{"object_type_id":"{{{type.Id}}}","filter":{"and":[{"object_attribute":{"field":"object_id","operator":"exists","type_id":"{{{type.Id}}}"}}]}}""");
        Assert.Equal(data.Scale.ObjectsPerType, objects.GetProperty("identifiers").GetArrayLength());
        Assert.Equal("", objects.GetProperty("next").GetString());
        Assert.Equal(c.Transactional.Count, (await api.GetJsonAsync("/v1/transactional")).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Sender_identities_split_hidden_and_visible()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        static List<long> Ids(List<JsonElement> items) => [.. items.Select(s => s.GetProperty("id").GetInt64())];
        var (visible, pages) = await api.WalkAsync("/v1/sender_identities?hidden=false&limit=2", "sender_identities");
        var (hidden, _) = await api.WalkAsync("/v1/sender_identities?hidden=true&limit=2", "sender_identities");
        var (absent, _) = await api.WalkAsync("/v1/sender_identities?limit=100", "sender_identities");

        Assert.Equal(data.SenderIdentityIds(hidden: false), Ids(visible));
        Assert.Equal(data.SenderIdentityIds(hidden: true), Ids(hidden));
        Assert.Equal(Ids(visible), Ids(absent));
        Assert.NotEmpty(hidden);
        Assert.All(hidden, s => Assert.True(s.GetProperty("hidden").GetBoolean()));
        Assert.True(pages >= 3);
        Assert.False((await api.GetJsonAsync("/v1/sender_identities?limit=100")).TryGetProperty("next", out _));
    }

    [Fact]
    public async Task Newsletters_page_with_cursors_and_test_group_ids_restart_at_zero()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var (items, pages) = await api.WalkAsync("/v1/newsletters?limit=3", "newsletters");
        Assert.Equal(data.Catalog.Newsletters.Select(n => n.Id), items.Select(n => n.GetProperty("id").GetInt64()));
        Assert.Equal(3, pages);
        var (desc, _) = await api.WalkAsync("/v1/newsletters?limit=3&sort=desc", "newsletters");
        Assert.Equal(items.Select(n => n.GetProperty("id").GetInt64()).Reverse(), desc.Select(n => n.GetProperty("id").GetInt64()));

        var groups = new List<int>();
        foreach (var newsletter in data.Catalog.Newsletters)
        {
            var page = await api.GetJsonAsync($"/v1/newsletters/{newsletter.Id}/test_groups");
            var ids = page.GetProperty("test_groups").EnumerateArray().Select(g => g.GetProperty("id").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(0, ids.Count), ids);
            groups.AddRange(ids);
        }
        Assert.True(groups.Count(id => id == 0) >= 2, "several newsletters have a test group 0");
    }
}
