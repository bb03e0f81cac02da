using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Http;

namespace TapCustomerIo.Tests.Support;

/// <summary>
/// An in-process App API for unit tests: <paramref name="answer"/> maps each request's path and query
/// (<c>/v1/activities?limit=100&amp;start=c1</c>) to a JSON body, or null for a 404. Requests are recorded in order.
/// </summary>
internal sealed class ScriptedApi(Func<string, string?> answer) : HttpMessageHandler
{
    private int _inFlight;
    private int _mostInFlight;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How long each answer takes: an API slower than the budget's spacing.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The most requests that were waiting for their answer at once.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>A client on this API: no retries, a budget too large to wait on (a 404 is not retried).</summary>
    public CustomerIoClient Client() =>
        new(new TapConfig { ApiKey = "unit-key", BaseUrl = new Uri("https://api.test"), MaxRequestsPerSecond = 1_000_000 },
            new LoggerConfiguration().CreateLogger(), TimeProvider.System, handler: this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        Requests.Enqueue(target);
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _mostInFlight, inFlight);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        var body = answer(target);
        return body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"errors":[{"detail":"not found"}]}""") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
