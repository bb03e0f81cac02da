namespace FakeCustomerIo.Hosting;

/// <summary>Endpoint metadata naming a route by method and template, e.g. "GET /v1/campaigns/{id}/actions".</summary>
internal sealed record RouteKey(string Value)
{
    public static string Of(HttpContext ctx) =>
        ctx.GetEndpoint()?.Metadata.GetMetadata<RouteKey>()?.Value ?? $"{ctx.Request.Method} (unmatched)";
}
