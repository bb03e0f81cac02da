using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FakeCustomerIo;

namespace TapCustomerIo.Tests.FakeApi.Support;

/// <summary>An in-process fake API plus an authenticated <see cref="HttpClient"/> and cursor-walking helpers.</summary>
internal sealed class FakeApiHarness : IAsyncDisposable
{
    private FakeApiHarness(FakeApiServer server, HttpClient http) => (Server, Http) = (server, http);

    public FakeApiServer Server { get; }
    public HttpClient Http { get; }

    /// <summary>Defaults for tests: no rate limit (unless the test is about it), fixed anchor for stable times.</summary>
    public static FakeApiOptions Options() => new() { RateLimitPerSecond = 0, Anchor = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero) };

    public static async Task<FakeApiHarness> StartAsync(FakeApiOptions? options = null)
    {
        var server = await FakeApiServer.StartAsync(options ?? Options());
        return new FakeApiHarness(server, Client(server, server.Options.ApiKey));
    }

    public static HttpClient Client(FakeApiServer server, string? key)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        return await ReadOkAsync(response, pathAndQuery);
    }

    public async Task<JsonElement> PostJsonAsync(string pathAndQuery, string body)
    {
        using var response = await PostAsync(pathAndQuery, body);
        return await ReadOkAsync(response, pathAndQuery);
    }

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, string body) =>
        Http.PostAsync(pathAndQuery, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Follows <c>next</c> until it is absent or "": every page's items, in order, and the page count.</summary>
    public async Task<(List<JsonElement> Items, int Pages)> WalkAsync(string pathAndQuery, string envelope, string? postBody = null)
    {
        var items = new List<JsonElement>();
        string? next = null;
        var pages = 0;
        do
        {
            var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var url = next is null ? pathAndQuery : $"{pathAndQuery}{separator}start={Uri.EscapeDataString(next)}";
            var page = postBody is null ? await GetJsonAsync(url) : await PostJsonAsync(url, postBody);
            pages++;
            if (page.TryGetProperty(envelope, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(list.EnumerateArray());
            }

            next = page.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } token ? token : null;
            Assert.True(pages < 10_000, "runaway paging");
        }
        while (next is not null);
        return (items, pages);
    }

    public static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the standard error envelope <c>{"errors":[{"detail":…,"status":"NNN"}]}</c>.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("errors")[0];
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
        return error.GetProperty("detail").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
