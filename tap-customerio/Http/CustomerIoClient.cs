using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Json;
using TapCustomerIo.Logging;

namespace TapCustomerIo.Http;

/// <summary>
/// The only place that talks HTTP: base URL by region, bearer auth, User-Agent, the shared budget and retries.
/// Streams hand it an <see cref="ApiRequest"/> and get the checked JSON body back, or null for a tolerated 404.
/// </summary>
internal sealed class CustomerIoClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpAttempt> _pipeline;
    private readonly SlidingLogRateLimiter _limiter;
    private readonly TapConfig _config;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _bodySizes = new(); // per stream: the pages of one list are alike
    private readonly ConcurrentDictionary<string, int> _largestBodies = new(); // but a fan-out's children are not (ChildGate)
    private readonly ConcurrentDictionary<string, TimeSpan> _latencies = new();
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private int _warmUpEnded;

    public CustomerIoClient(TapConfig config, ILogger log, TimeProvider time, RetryPolicy? retry = null, HttpMessageHandler? handler = null)
    {
        _config = config;
        _log = log;
        _time = time;
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 32,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        })
        {
            BaseAddress = config.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", config.ApiKey);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"tap-customerio/{TapInfo.Version}");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _limiter = Resilience.CreateLimiter(config.MaxRequestsPerSecond, time);
        _pipeline = Resilience.Create(_limiter, config.RequestTimeout, time, retry ?? RetryPolicy.Default, OnRetry);
    }

    /// <summary>Attempts made per stream (retries included): what the demo's table and the benchmark report.</summary>
    public IReadOnlyDictionary<string, int> AttemptsByStream => _attempts;

    /// <summary>The size of the stream's largest response body so far, an error's included; null before its first.</summary>
    public int? LargestBodySize(string stream) => _largestBodies.TryGetValue(stream, out var size) ? size : null;

    /// <summary>
    /// How long the stream's last answered request took, from sending it to its body read and checked (the wait for the
    /// budget not included); null before its first. How many requests must be in flight to keep the budget busy.
    /// </summary>
    public TimeSpan? LastLatency(string stream) => _latencies.TryGetValue(stream, out var latency) ? latency : null;

    public async Task<RawDocument?> SendAsync(ApiRequest request, CancellationToken cancellation)
    {
        // The first request goes alone; the rest wait for its first answer (not its retries). A cold process spends its first tens of
        // milliseconds compiling and connecting, so a burst of first requests would leave on time but arrive late and
        // bunched, closer to the next second's requests than the budget allows; Customer.io counts arrivals.
        var first = Interlocked.Exchange(ref _started, 1) == 0;
        if (!first)
        {
            await _warmedUp.Task.WaitAsync(cancellation).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellation);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.self.AttemptAsync(state.request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<HttpAttempt>(e);
                    }
                },
                context,
                (self: this, request)).ConfigureAwait(false);

            // The attempt (the body read and checked) ran on the socket engine's thread (Program.cs); what the caller does
            // with the page, down to writing it to stdout, runs on a pool thread: one hop a response, not one a read.
            // A target that stops reading for a while (loading a batch) blocks the writers, and with them the pool's
            // threads, but never the socket thread, so the responses in flight are still read in time. When attempts
            // and writes shared the pool, a pause longer than request_timeout_seconds turned them into retries
            // (SlowTargetTests).
            await Task.Yield();

            if (outcome.Exception is { } error)
            {
                if (error is OperationCanceledException && cancellation.IsCancellationRequested)
                {
                    throw error;
                }

                throw new TapException(
                    $"could not get {request} from {_config.BaseUrl.Host}: {Describe(error)}, still failing after retries. " +
                    "Check the network and the 'base_url'/'region' settings, then run again (the last STATE is safe to resume from).", error);
            }

            return Interpret(outcome.Result!, request);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            if (first)
            {
                EndWarmUp(); // in case it never got as far as an attempt
            }
        }
    }

    private async Task<HttpAttempt> AttemptAsync(ApiRequest request, CancellationToken cancellation)
    {
        try
        {
            return await AttemptCoreAsync(request, cancellation).ConfigureAwait(false);
        }
        finally
        {
            EndWarmUp(); // the first attempt, whatever it got, was the warm-up
        }
    }

    private void EndWarmUp()
    {
        if (!_warmedUp.Task.IsCompleted && Interlocked.Exchange(ref _warmUpEnded, 1) == 0)
        {
            _limiter.RestampLatest(); // it reached the server at the latest now: count it from here
            _warmedUp.TrySetResult();
        }
    }

    private async Task<HttpAttempt> AttemptCoreAsync(ApiRequest request, CancellationToken cancellation)
    {
        _attempts.AddOrUpdate(request.Stream, 1, static (_, n) => n + 1);
        using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        var started = _time.GetTimestamp();
        _log.Debug("{Method} {Url}", request.Method, request.PathAndQuery);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        HttpAttempt attempt;
        if (status == 200)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var size = response.Content.Headers.ContentLength ?? _bodySizes.GetValueOrDefault(request.Stream);
                var document = await RawDocument.ReadAsync(stream, size, cancellation).ConfigureAwait(false);
                _bodySizes[request.Stream] = document.Length;
                NoteLargest(request.Stream, document.Length);
                _latencies[request.Stream] = _time.GetElapsedTime(started);
                attempt = new HttpAttempt(200, document);
            }
        }
        else
        {
            var error = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            _bodySizes.TryAdd(request.Stream, error.Length);
            NoteLargest(request.Stream, error.Length); // a list of deleted parents is still a size known (ChildGate)
            attempt = new HttpAttempt(status, null, RetryAfter(response.Headers.RetryAfter), error);
        }

        SingerMetrics.HttpRequest(_log, request.Stream, status, _time.GetElapsedTime(started));
        return attempt;
    }

    private void NoteLargest(string stream, int size) =>
        _largestBodies.AddOrUpdate(stream, static (_, size) => size, static (_, largest, size) => Math.Max(largest, size), size);

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    private RawDocument? Interpret(HttpAttempt attempt, ApiRequest request)
    {
        if (attempt.Status == 200)
        {
            return attempt.Document;
        }

        var detail = attempt.ErrorBody is { Length: > 0 } body ? ApiErrorBody.Describe(body) : "no details";
        var host = _config.BaseUrl.Host;
        switch (attempt.Status)
        {
            case 404 when request.MissingIsEmpty:
                _log.Warning("{Stream}: {Request} answered 404 (deleted since it was listed); skipping it", request.Stream, request.ToString());
                return null;
            case 401:
                throw new TapException(
                    $"Customer.io rejected the API key (401 Unauthorized from {host}). Check that 'api_key' is an App API key " +
                    $"(not a Track API key) and that 'region' matches the workspace's data center (it is '{_config.Region}'; " +
                    $"keys of EU workspaces need \"region\": \"eu\").");
            case 403:
                throw new TapException(
                    $"Customer.io refused {request} (403 Forbidden: {detail}). The App API key's scope does not cover this " +
                    $"resource, or an IP allow-list blocks this machine: widen the key's scope, or deselect stream '{request.Stream}'.");
            default:
                var retried = attempt.IsTransient ? ", still failing after retries; run again later (the last STATE is safe to resume from)" : "";
                throw new TapException($"Customer.io answered {attempt.Status} to {request}: {detail}{retried}.");
        }
    }

    private void OnRetry(OnRetryArguments<HttpAttempt> args)
    {
        var why = args.Outcome.Exception is { } e ? Describe(e) : $"HTTP {args.Outcome.Result!.Status}";
        _log.Warning("Retrying in {Delay:0.0}s after {Reason} (attempt {Attempt})", args.RetryDelay.TotalSeconds, why, args.AttemptNumber + 1);
    }

    private static string Describe(Exception e) => e switch
    {
        JsonException => "a response body that was cut short or is not JSON",
        Polly.Timeout.TimeoutRejectedException => "a request timeout",
        HttpRequestException { HttpRequestError: var kind } => $"a connection failure ({kind})",
        IOException => "a connection that closed mid-response",
        _ => e.GetType().Name,
    };

    public void Dispose()
    {
        _http.Dispose();
        _limiter.Dispose();
    }
}
