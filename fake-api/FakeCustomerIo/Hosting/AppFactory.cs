using System.Net;
using FakeCustomerIo.Data;
using FakeCustomerIo.Endpoints;
using FakeCustomerIo.Pipeline;
using FakeCustomerIo.Stats;

namespace FakeCustomerIo.Hosting;

/// <summary>Kestrel on 127.0.0.1 (slim builder, logging off) with the /v1 pipeline, the API routes and the controls.</summary>
internal static class AppFactory
{
    public static WebApplication Build(FakeApiOptions options, FakeDataset data, FakeApiStats stats, FaultSchedule faults)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "fake-customerio",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            // A 1,000-delivery page is ~650 KB: let it sit in the pipe instead of waking the writer every 64 KB.
            kestrel.Limits.MaxResponseBufferSize = 2 * 1024 * 1024;
        });
        var app = builder.Build();
        var pipeline = new V1Pipeline(options, stats, new SlidingWindowLimiter(options.RateLimitPerSecond, options.Time), faults, data.Clock);
        app.UseRouting();
        app.Use(pipeline.InvokeAsync);
        ControlEndpoints.Map(app, data, stats, faults);
        ApiRoutes.Map(app, data, options);
        return app;
    }
}
