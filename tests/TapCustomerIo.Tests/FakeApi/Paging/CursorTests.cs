using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Paging;

public sealed class CursorTests
{
    [Fact]
    public void Tokens_are_base64_with_plus_slash_and_padding_and_round_trip()
    {
        foreach (var position in new[] { 0L, 1, 999, 1L << 50, long.MaxValue })
        {
            var token = Cursor.Encode(position, 1234u);
            Assert.Contains('+', token);
            Assert.Contains('/', token);
            Assert.EndsWith("==", token, StringComparison.Ordinal);
            Assert.Equal(position, Cursor.Decode(token, 1234u));
            Assert.Equal(400, Assert.Throws<ApiException>(() => Cursor.Decode(token, 1235u)).Status);
        }
        Assert.Throws<ApiException>(() => Cursor.Decode("not-a-cursor", 1));
        Assert.Throws<ApiException>(() => Cursor.Decode(Convert.ToBase64String(new byte[16]), 1));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("+/8BAAAAAAAAAAAAAAAAAA==")]
    public async Task A_cursor_that_does_not_decode_answers_400(string token)
    {
        await using var api = await FakeApiHarness.StartAsync();
        using var response = await api.Http.GetAsync($"/v1/messages?start={Uri.EscapeDataString(token)}");
        await FakeApiHarness.AssertErrorAsync(response, 400);
    }

    [Fact]
    public async Task A_cursor_is_only_valid_with_the_parameters_it_came_from()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var now = api.Server.Data.AnchorUnix;
        var first = await api.GetJsonAsync($"/v1/messages?limit=10&start_ts={now - 86_400 * 30}&end_ts={now}");
        var token = first.GetProperty("next").GetString()!;

        await api.GetJsonAsync($"/v1/messages?limit=50&start_ts={now - 86_400 * 30}&end_ts={now}&start={Uri.EscapeDataString(token)}");
        using var otherWindow = await api.Http.GetAsync($"/v1/messages?limit=10&start_ts={now - 86_400 * 31}&end_ts={now}&start={Uri.EscapeDataString(token)}");
        await FakeApiHarness.AssertErrorAsync(otherWindow, 400);
        using var otherEndpoint = await api.Http.GetAsync($"/v1/activities?start={Uri.EscapeDataString(token)}");
        await FakeApiHarness.AssertErrorAsync(otherEndpoint, 400);
        // An unencoded "+" arrives as a space: the token no longer decodes.
        using var unencoded = await api.Http.GetAsync($"/v1/messages?limit=10&start_ts={now - 86_400 * 30}&end_ts={now}&start={token}");
        await FakeApiHarness.AssertErrorAsync(unencoded, 400);
    }

    [Fact]
    public void Progressions_walk_down_through_their_residues()
    {
        var set = new Progression(10, [2, 7]);
        var members = new List<long>();
        for (var i = set.Below(40); i >= 0; i = set.Below(i))
        {
            members.Add(i);
        }

        Assert.Equal(new long[] { 37, 32, 27, 22, 17, 12, 7, 2 }, members);
        Assert.Equal(3, set.CountIn(5, 20));
        Assert.Equal(-1, Progression.Empty.Below(100));
        Assert.Equal(99, Progression.All.Below(100));
    }
}
