using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Pipeline;

public sealed class AuthTests
{
    private const string Unauthorized = "Unauthorized request: the API key is invalid, or belongs to another region";

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_missing_or_wrong_key_gets_401_with_the_standard_envelope(string? key)
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var http = FakeApiHarness.Client(api.Server, key);
        using var response = await http.GetAsync("/v1/campaigns");
        Assert.Equal(Unauthorized, await FakeApiHarness.AssertErrorAsync(response, 401));
    }

    [Fact]
    public async Task The_scoped_key_may_only_list_workspaces()
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var http = FakeApiHarness.Client(api.Server, api.Server.Options.ScopedKey);
        using var workspaces = await http.GetAsync("/v1/workspaces");
        await FakeApiHarness.ReadOkAsync(workspaces, "workspaces");
        using var campaigns = await http.GetAsync("/v1/campaigns");
        await FakeApiHarness.AssertErrorAsync(campaigns, 403);
    }

    [Fact]
    public async Task Auth_is_checked_before_the_rate_limit_and_controls_need_no_key()
    {
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { RateLimitPerSecond = 1 });
        using var anonymous = FakeApiHarness.Client(api.Server, null);
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.GetAsync("/v1/campaigns");
            await FakeApiHarness.AssertErrorAsync(response, 401);
        }
        await api.GetJsonAsync("/v1/campaigns"); // the 401s did not use the budget
        using var stats = await anonymous.GetAsync("/_fake/stats");
        await FakeApiHarness.ReadOkAsync(stats, "stats");
    }

    [Fact]
    public async Task An_unknown_route_answers_404_with_the_envelope_after_auth()
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var unknown = await api.Http.GetAsync("/v1/no_such_thing");
        await FakeApiHarness.AssertErrorAsync(unknown, 404);
        using var anonymous = FakeApiHarness.Client(api.Server, null);
        using var denied = await anonymous.GetAsync("/v1/no_such_thing");
        await FakeApiHarness.AssertErrorAsync(denied, 401);
    }
}
