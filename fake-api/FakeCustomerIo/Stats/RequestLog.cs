using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;

namespace FakeCustomerIo.Stats;

/// <summary>
/// What a client sent to /v1 and what the fake answered, in arrival order, for tests that check a client against the
/// API's definition. Off unless <see cref="FakeApiOptions.RequestLogCapacity"/> is set; bounded: after that many
/// exchanges the rest are only counted (<see cref="Dropped"/>), and a response body longer than
/// <see cref="MaxBodyBytes"/> keeps its first bytes and is marked truncated.
/// </summary>
internal sealed class RequestLog(int capacity)
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    private readonly Lock _gate = new();
    private readonly List<LoggedExchange> _exchanges = [];
    private long _dropped;

    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    public IReadOnlyList<LoggedExchange> Snapshot()
    {
        lock (_gate)
        {
            return [.. _exchanges];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _exchanges.Clear();
            _dropped = 0;
        }
    }

    /// <summary>Runs <paramref name="handle"/> with the response body teed into a buffer, then logs the exchange.</summary>
    public async Task CaptureAsync(HttpContext ctx, RequestDelegate handle)
    {
        var original = ctx.Response.Body;
        await using var tee = new TeeStream(original, MaxBodyBytes);
        ctx.Response.Body = tee;
        try
        {
            await handle(ctx);
            if (!ctx.RequestAborted.IsCancellationRequested)
            {
                await ctx.Response.BodyWriter.FlushAsync(ctx.RequestAborted);
            }
        }
        finally
        {
            ctx.Response.Body = original;
            Add(new LoggedExchange(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
                RouteKey.Of(ctx), RequestBody.Cached(ctx), ctx.Response.StatusCode, tee.Captured, tee.Truncated));
        }
    }

    private void Add(LoggedExchange exchange)
    {
        lock (_gate)
        {
            if (_exchanges.Count < capacity)
            {
                _exchanges.Add(exchange);
            }
            else
            {
                _dropped++;
            }
        }
    }
}

/// <summary>One /v1 request and its answer. <see cref="Query"/> keeps the leading "?" (empty when none);
/// <see cref="Route"/> is the fake's route template ("GET /v1/campaigns/{id}").</summary>
internal sealed record LoggedExchange(string Method, string Path, string Query, string Route, string RequestBody, int Status,
    byte[] ResponseBody, bool Truncated);
