using System.Net;
using FakeCustomerIo.Pipeline;
using FakeCustomerIo.Stats;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Pipeline;

[Collection(TimingSensitiveCollection.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task Of_25_simultaneous_requests_exactly_10_pass_and_15_get_429_with_retry_after()
    {
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { RateLimitPerSecond = 10 });
        await api.Http.GetAsync("/_fake/stats"); // warm the connection pool outside /v1
        api.Server.Stats.Reset();

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => api.Http.GetAsync("/v1/workspaces")));
        try
        {
            Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.Equal(15, limited.Count);
            foreach (var response in limited)
            {
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("Your request is over the 10-per-second limit.", await FakeApiHarness.AssertErrorAsync(response, 429));
            }
            var stats = api.Server.Stats.Snapshot();
            Assert.Equal(25, stats.BusiestWindow);
            Assert.Equal(15, stats.RateLimited);
            Assert.Equal(25, stats.TotalRequests);
            Assert.Equal(25, stats.Endpoints["GET /v1/workspaces"]);
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
        await Task.Delay(1_100);
        await api.GetJsonAsync("/v1/workspaces");
    }

    [Fact]
    public void The_limiter_lets_exactly_the_limit_through_and_recovers_after_a_second()
    {
        var limiter = new SlidingWindowLimiter(10);
        var results = Enumerable.Range(0, 14).Select(_ => limiter.TryAcquire()).ToList();
        Assert.Equal(10, results.Count(ok => ok));
        Assert.All(results.Skip(10), ok => Assert.False(ok));
        Thread.Sleep(1_050);
        Assert.True(limiter.TryAcquire());
        Assert.True(new SlidingWindowLimiter(0).TryAcquire());
    }

    [Fact]
    public void The_busiest_window_counts_arrivals_within_one_second_not_per_bucket()
    {
        var stats = new FakeApiStats();
        for (var i = 0; i < 7; i++)
            stats.RecordArrival("GET /v1/campaigns");
        Thread.Sleep(300);
        for (var i = 0; i < 5; i++)
            stats.RecordArrival("GET /v1/campaigns");
        Assert.Equal(12, stats.BusiestWindow);
        Thread.Sleep(800); // the first 7 left the window; the 5 are still in it
        stats.RecordArrival("GET /v1/segments");
        Assert.Equal(12, stats.BusiestWindow);
        Assert.Equal(13, stats.TotalRequests);
        Assert.Equal(1, stats.Count("GET /v1/segments"));
        stats.Reset();
        Assert.Equal(0, stats.BusiestWindow);
    }
}
