using Microsoft.Extensions.Time.Testing;
using TapCustomerIo.Http;

namespace TapCustomerIo.Tests.Http;

public sealed class SlidingLogRateLimiterTests
{
    [Fact]
    public async Task Never_grants_more_than_the_limit_in_any_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var limiter = new SlidingLogRateLimiter(10, TimeSpan.FromSeconds(1), time);
        var grants = new List<TimeSpan>();
        var start = time.GetTimestamp();

        var waiters = Enumerable.Range(0, 35).Select(async _ =>
        {
            using var lease = await limiter.AcquireAsync(1);
            Assert.True(lease.IsAcquired);
            lock (grants)
            {
                grants.Add(time.GetElapsedTime(start));
            }
        }).ToArray();
        for (var step = 0; step < 100 && grants.Count < 35; step++)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await Task.WhenAll(waiters);
        grants.Sort();
        for (var i = 10; i < grants.Count; i++)
        {
            Assert.True(grants[i] - grants[i - 10] >= TimeSpan.FromSeconds(1), $"grant {i} came {grants[i] - grants[i - 10]} after grant {i - 10}");
        }

        for (var i = 1; i < grants.Count; i++)
        {
            Assert.True(grants[i] - grants[i - 1] >= TimeSpan.FromMilliseconds(100), "grants are spread evenly, never in a burst");
        }
    }

    [Fact]
    public void Attempt_acquire_fails_once_the_window_is_full()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(2, TimeSpan.FromSeconds(1), time);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired); // too soon after the first
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(limiter.AttemptAcquire().IsAcquired); // the window still holds two
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Theory]
    [InlineData(10, 10, 1030)]
    [InlineData(2.5, 2, 830)]
    [InlineData(0.5, 1, 2030)]
    public void Fractional_budgets_become_a_whole_number_of_permits_per_window(double perSecond, int permits, int windowMs)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var limiter = Resilience.CreateLimiter(perSecond, time);
        Assert.Equal(permits, limiter.GetStatistics().CurrentAvailablePermits);

        // Ask every millisecond: the first window grants exactly `permits`, evenly spaced, and the next grant comes
        // exactly one window (the budget plus the margin) after the first.
        var grants = new List<int>();
        for (var ms = 0; ms <= windowMs; ms++)
        {
            if (limiter.AttemptAcquire().IsAcquired)
            {
                grants.Add(ms);
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var spacing = windowMs / permits;
        Assert.Equal(Enumerable.Range(0, permits).Select(i => i * spacing).Append(windowMs), grants);
    }
}
