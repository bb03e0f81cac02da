using FakeCustomerIo.Http;

namespace FakeCustomerIo.Pipeline;

/// <summary>Plays one scheduled fault. Returns false when the request should still be answered normally (slow).</summary>
internal static class FaultInjector
{
    public static async Task<bool> ApplyAsync(HttpContext ctx, FaultKinds kind, RequestDelegate answer, FaultOptions options)
    {
        switch (kind)
        {
            case FaultKinds.Status500: await ErrorEnvelope.WriteAsync(ctx, 500, "Internal Server Error"); return true;
            case FaultKinds.Status502: await ErrorEnvelope.WriteAsync(ctx, 502, "Bad Gateway"); return true;
            case FaultKinds.Status503: await ErrorEnvelope.WriteAsync(ctx, 503, "Service Unavailable"); return true;
            case FaultKinds.Status504: await ErrorEnvelope.WriteAsync(ctx, 504, "Gateway Timeout"); return true;
            // A daily-quota style 429: same body as the rate limit, but no Retry-After.
            case FaultKinds.TooManyRequests: await ErrorEnvelope.WriteAsync(ctx, 429, ErrorEnvelope.RateLimited); return true;
            case FaultKinds.ConnectionReset: ctx.Abort(); return true;
            case FaultKinds.Slow: await Task.Delay(options.SlowDelay, ctx.RequestAborted); return false;
            case FaultKinds.TruncatedBody: await TruncateAsync(ctx, answer); return true;
            default: return false;
        }
    }

    public static string Name(FaultKinds kind) => kind switch
    {
        FaultKinds.Status500 => "status_500",
        FaultKinds.Status502 => "status_502",
        FaultKinds.Status503 => "status_503",
        FaultKinds.Status504 => "status_504",
        FaultKinds.ConnectionReset => "connection_reset",
        FaultKinds.TruncatedBody => "truncated_body",
        FaultKinds.Slow => "slow",
        FaultKinds.TooManyRequests => "too_many_requests",
        _ => kind.ToString(),
    };

    /// <summary>Renders the real answer, announces its full length, sends the first half and aborts.</summary>
    private static async Task TruncateAsync(HttpContext ctx, RequestDelegate answer)
    {
        var original = ctx.Response.Body;
        using var buffer = new MemoryStream();
        ctx.Response.Body = buffer;
        try
        {
            await answer(ctx);
        }
        finally
        {
            ctx.Response.Body = original;
        }
        var bytes = buffer.ToArray();
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = Math.Max(2, bytes.Length);
        await original.WriteAsync(bytes.AsMemory(0, Math.Max(1, bytes.Length / 2)), ctx.RequestAborted);
        await original.FlushAsync(ctx.RequestAborted);
        ctx.Abort();
    }
}
