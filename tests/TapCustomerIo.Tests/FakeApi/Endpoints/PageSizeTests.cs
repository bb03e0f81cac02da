using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class PageSizeTests
{
    private const string MatchAll = """{"filter":{"and":[{"attribute":{"field":"cio_id","operator":"exists"}}]}}""";
    private const string Objects = """{"object_type_id":"1","filter":{"and":[{"object_attribute":{"field":"object_id","operator":"exists","type_id":"1"}}]}}""";

    [Theory]
    [InlineData("/v1/activities", 100, null)]
    [InlineData("/v1/messages", 1000, null)]
    [InlineData("/v1/campaigns/1/messages", 1000, null)]
    [InlineData("/v1/customers/{cio}/messages?id_type=cio_id", 1000, null)]
    [InlineData("/v1/segments/1/membership", 30_000, null)]
    [InlineData("/v1/esp/suppression/bounces", 1000, null)]
    [InlineData("/v1/newsletters", 100, null)]
    [InlineData("/v1/sender_identities", 100, null)]
    [InlineData("/v1/broadcasts/13/actions", 100, null)]
    [InlineData("/v1/customers", 1000, MatchAll)]
    [InlineData("/v1/objects", 1000, Objects)]
    public async Task A_limit_above_the_maximum_answers_400_and_the_maximum_itself_works(string path, int max, string? body)
    {
        await using var api = await FakeApiHarness.StartAsync();
        path = path.Replace("{cio}", api.Server.Data.AllCioIds().First(), StringComparison.Ordinal);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        async Task<HttpResponseMessage> Call(int limit) => body is null
            ? await api.Http.GetAsync($"{path}{separator}limit={limit}")
            : await api.PostAsync($"{path}{separator}limit={limit}", body);

        using var ok = await Call(max);
        await FakeApiHarness.ReadOkAsync(ok, path);
        using var tooBig = await Call(max + 1);
        var detail = await FakeApiHarness.AssertErrorAsync(tooBig, 400);
        Assert.Contains("limit", detail, StringComparison.Ordinal);
        using var zero = await Call(0);
        await FakeApiHarness.AssertErrorAsync(zero, 400);
    }

    [Fact]
    public async Task Batch_attributes_take_at_most_100_ids()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var ids = api.Server.Data.AllCioIds().Take(101).Select(id => $"\"{id}\"").ToList();
        using var ok = await api.PostAsync("/v1/customers/attributes?id_type=cio_id", $"{{\"ids\":[{string.Join(',', ids.Take(100))}]}}");
        await FakeApiHarness.ReadOkAsync(ok, "100 ids");
        using var tooMany = await api.PostAsync("/v1/customers/attributes?id_type=cio_id", $"{{\"ids\":[{string.Join(',', ids)}]}}");
        await FakeApiHarness.AssertErrorAsync(tooMany, 400);
    }
}
