namespace FakeCustomerIo.Hosting;

/// <summary>Maps a /v1 handler and tags it with its <see cref="RouteKey"/> (the key of the per-endpoint stats).</summary>
internal static class Routes
{
    public static void Get(IEndpointRouteBuilder app, string pattern, RequestDelegate handler) =>
        app.MapGet(pattern, handler).WithMetadata(new RouteKey($"GET {pattern}"));

    public static void Post(IEndpointRouteBuilder app, string pattern, RequestDelegate handler) =>
        app.MapPost(pattern, handler).WithMetadata(new RouteKey($"POST {pattern}"));
}
