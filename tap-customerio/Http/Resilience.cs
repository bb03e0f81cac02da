using System.Net.Sockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace TapCustomerIo.Http;

/// <summary>
/// The one pipeline every request goes through: retry (outermost) → shared rate limiter → per-attempt timeout.
/// Each retry takes a new permit, so retries spend the same budget as first attempts.
/// </summary>
internal static class Resilience
{
    /// <summary>Head-room over the API's own window, for the jitter between our clock and its.</summary>
    public static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(30);

    public static SlidingLogRateLimiter CreateLimiter(double requestsPerSecond, TimeProvider time)
    {
        var permits = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        var window = TimeSpan.FromSeconds(permits / requestsPerSecond) + WindowMargin;
        return new SlidingLogRateLimiter(permits, window, time);
    }

    public static ResiliencePipeline<HttpAttempt> Create(
        RateLimiter limiter, TimeSpan attemptTimeout, TimeProvider time, RetryPolicy policy, Action<OnRetryArguments<HttpAttempt>> onRetry)
    {
        return new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpAttempt>
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                // Retry-After (seconds or HTTP date) wins; null falls back to jittered exponential backoff.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } after
                    ? (TimeSpan?)Clamp(after, policy.MaxDelay)
                    : null),
                OnRetry = args =>
                {
                    onRetry(args);
                    return ValueTask.CompletedTask;
                },
            })
            .AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken) })
            .AddTimeout(attemptTimeout)
            .Build();
    }

    private static bool ShouldRetry(Outcome<HttpAttempt> outcome, CancellationToken cancellation) =>
        outcome.Exception switch
        {
            null => outcome.Result!.IsTransient,
            OperationCanceledException when cancellation.IsCancellationRequested => false,
            // Resets, refused connections, bodies cut short (IOException or a JSON document that ends early),
            // and per-attempt timeouts are all worth another try.
            HttpRequestException or IOException or SocketException or JsonException or TimeoutRejectedException
                or OperationCanceledException => true,
            _ => false,
        };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
}

/// <summary>How hard to retry: about ten minutes of backoff before giving up, as Airbyte's connector does.</summary>
internal sealed record RetryPolicy(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RetryPolicy Default = new(10, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(60));
}
