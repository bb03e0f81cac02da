using System.Net;
using FakeCustomerIo.Pipeline;
using FakeCustomerIo.Stats;
using Microsoft.Extensions.Time.Testing;
using TapCustomerIo.Tests.FakeApi.Support;

namespace TapCustomerIo.Tests.FakeApi.Pipeline;

/// <summary>The fake's strict limit and its busiest-window count, on a fake clock: no sleeps, no dependence on load.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Of_25_simultaneous_requests_exactly_10_pass_and_15_get_429_with_retry_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var api = await FakeApiHarness.StartAsync(FakeApiHarness.Options() with { RateLimitPerSecond = 10, Time = time });

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
            {
                response.Dispose();
            }
        }

        time.Advance(TimeSpan.FromMilliseconds(999));
        using (var early = await api.Http.GetAsync("/v1/workspaces"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        }

        time.Advance(TimeSpan.FromMilliseconds(1));
        await api.GetJsonAsync("/v1/workspaces");
    }

    [Fact]
    public void The_limiter_lets_exactly_the_limit_through_and_recovers_after_a_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = new SlidingWindowLimiter(10, time);
        var results = Enumerable.Range(0, 14).Select(_ => limiter.TryAcquire()).ToList();
        Assert.Equal(10, results.Count(ok => ok));
        Assert.All(results.Skip(10), Assert.False);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(limiter.TryAcquire());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire());
        Assert.True(new SlidingWindowLimiter(0, time).TryAcquire());
    }

    [Fact]
    public void The_busiest_window_counts_arrivals_within_one_second_not_per_bucket()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var stats = new FakeApiStats(time);
        for (var i = 0; i < 7; i++)
        {
            stats.RecordArrival("GET /v1/campaigns");
        }

        time.Advance(TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 5; i++)
        {
            stats.RecordArrival("GET /v1/campaigns");
        }

        Assert.Equal(12, stats.BusiestWindow);
        time.Advance(TimeSpan.FromMilliseconds(800)); // the first 7 left the window; the 5 are still in it
        stats.RecordArrival("GET /v1/segments");
        Assert.Equal(12, stats.BusiestWindow);
        time.Advance(TimeSpan.FromMilliseconds(199)); // the 5 are still in the window: 6 in it now
        stats.RecordArrival("GET /v1/segments");
        Assert.Equal(12, stats.BusiestWindow);
        Assert.Equal(14, stats.TotalRequests);
        Assert.Equal(2, stats.Count("GET /v1/segments"));
        stats.Reset();
        Assert.Equal(0, stats.BusiestWindow);
    }
}
