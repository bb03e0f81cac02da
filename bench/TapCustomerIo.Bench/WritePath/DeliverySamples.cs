using System.Net.Http.Headers;
using System.Text.Json;
using FakeCustomerIo;
using TapCustomerIo.Json;

namespace TapCustomerIo.Bench.WritePath;

/// <summary>
/// Delivery records exactly as the fake API serves them from /v1/messages (about 20 top-level fields, unix times,
/// a metrics map of times, customer_identifiers), read once over HTTP from an in-process fake.
/// </summary>
internal static class DeliverySamples
{
    public const int Count = 1000;

    public static RawValue[] Load()
    {
        return LoadAsync().GetAwaiter().GetResult();
    }

    private static async Task<RawValue[]> LoadAsync()
    {
        await using var server = await FakeApiServer.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Options.ApiKey);
        var records = new List<RawValue>(Count);
        string? next = null;
        var startTs = server.Data.AnchorUnix - 400 * 86_400L;
        do
        {
            var url = $"/v1/messages?limit=1000&start_ts={startTs}" + (next is null ? "" : "&start=" + Uri.EscapeDataString(next));
            using var document = RawDocument.Parse(await http.GetStringAsync(new Uri(url, UriKind.Relative)));
            records.AddRange(document.Root.GetProperty("messages").EnumerateArray());
            next = document.Root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        while (records.Count < Count && !string.IsNullOrEmpty(next));

        return records.Count >= Count ? [.. records.Take(Count)] : throw new InvalidOperationException($"the fake served only {records.Count} deliveries");
    }
}
