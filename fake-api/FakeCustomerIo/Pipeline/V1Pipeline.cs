using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Stats;

namespace FakeCustomerIo.Pipeline;

/// <summary>
/// Everything under /v1, in the real API's order: count the arrival → auth (401/403) → rate limit (429 with
/// Retry-After: 1) → latency → scheduled fault → the endpoint, whose <see cref="ApiException"/>s become error envelopes.
/// With a <see cref="RequestLog"/>, each exchange is recorded around all of it.
/// </summary>
internal sealed class V1Pipeline(FakeApiOptions options, FakeApiStats stats, SlidingWindowLimiter limiter, FaultSchedule faults,
    GenerationClock clock)
{
    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        if (!ctx.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            await next(ctx);
            return;
        }
        if (stats.Log is { } log)
        {
            await log.CaptureAsync(ctx, c => HandleAsync(c, next));
        }
        else
        {
            await HandleAsync(ctx, next);
        }
    }

    private async Task HandleAsync(HttpContext ctx, RequestDelegate next)
    {
        stats.RecordArrival(RouteKey.Of(ctx));
        clock.NoteRequest();
        if (Authenticator.Check(ctx.Request, options) is { } denied)
        {
            await DelayAsync(ctx);
            await ErrorEnvelope.WriteAsync(ctx, denied.Status, denied.Detail);
            return;
        }
        if (!limiter.TryAcquire())
        {
            stats.RecordRateLimited();
            await DelayAsync(ctx);
            await ErrorEnvelope.WriteAsync(ctx, 429, ErrorEnvelope.RateLimited, retryAfter: "1");
            return;
        }
        await DelayAsync(ctx);
        var body = HttpMethods.IsGet(ctx.Request.Method) ? "" : await RequestBody.ReadAsync(ctx);
        var fault = faults.Next(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, body);
        if (fault != FaultKinds.None)
        {
            stats.RecordFault(fault);
            if (await FaultInjector.ApplyAsync(ctx, fault, c => AnswerAsync(c, next), options.Faults))
            {
                return;
            }
        }
        await AnswerAsync(ctx, next);
    }

    private static async Task AnswerAsync(HttpContext ctx, RequestDelegate next)
    {
        if (ctx.GetEndpoint()?.Metadata.GetMetadata<RouteKey>() is null)
        {
            await ErrorEnvelope.WriteAsync(ctx, 404, "not found");
            return;
        }
        try
        {
            await next(ctx);
        }
        catch (ApiException e) when (!ctx.Response.HasStarted)
        {
            await ErrorEnvelope.WriteAsync(ctx, e.Status, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Logging is off; a bug in the fake must still be visible (Kestrel then answers 500 or aborts).
            Console.Error.WriteLine(e);
            throw;
        }
    }

    private Task DelayAsync(HttpContext ctx) =>
        options.Latency > TimeSpan.Zero ? Task.Delay(options.Latency, ctx.RequestAborted) : Task.CompletedTask;
}
