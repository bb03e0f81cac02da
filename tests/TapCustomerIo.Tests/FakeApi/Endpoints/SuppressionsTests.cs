using System.Text.Json;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Endpoints;

public sealed class SuppressionsTests
{
    [Fact]
    public async Task Offset_paging_ends_with_null_suppressions_and_no_category()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var emails = new List<string>();
        var offset = 0;
        while (true)
        {
            var page = await api.GetJsonAsync($"/v1/esp/suppression/bounces?limit=1000&offset={offset}");
            if (page.GetProperty("suppressions").ValueKind == JsonValueKind.Null)
            {
                Assert.False(page.TryGetProperty("category", out _));
                break;
            }
            Assert.Equal("bounces", page.GetProperty("category").GetString());
            var items = page.GetProperty("suppressions").EnumerateArray().ToList();
            Assert.All(items, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("created").ValueKind));
            emails.AddRange(items.Select(s => s.GetProperty("email").GetString()!));
            offset += 1000;
        }
        Assert.Equal(data.SuppressionEmails("bounces"), emails);
        Assert.Equal(data.Scale.SuppressionsPerType, emails.Count);
        Assert.Equal(2000, offset);
    }

    [Fact]
    public async Task A_domain_has_its_own_smaller_list()
    {
        await using var api = await FakeApiHarness.StartAsync();
        var data = api.Server.Data;
        var page = await api.GetJsonAsync("/v1/esp/suppression/bounces?limit=1000&domain=mail.example.com");
        var emails = page.GetProperty("suppressions").EnumerateArray().Select(s => s.GetProperty("email").GetString()!).ToList();
        Assert.Equal(data.SuppressionEmails("bounces", "mail.example.com"), emails);
        Assert.InRange(emails.Count, 1, data.Scale.SuppressionsPerType / 2);
        Assert.Empty(emails.Intersect(data.SuppressionEmails("bounces")));
        Assert.NotEqual(emails, data.SuppressionEmails("bounces", "news.example.org"));
    }
}
