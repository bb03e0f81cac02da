using FakeCustomerIo.Data;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Pipeline;
using FakeCustomerIo.Stats;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FakeCustomerIo;

/// <summary>
/// The fake Customer.io App API, in process: Kestrel on 127.0.0.1 (port 0 = any free port). Point a client at
/// <see cref="BaseUrl"/> (no /v1), read <see cref="Stats"/>, build expectations from <see cref="Data"/>.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeApiServer(WebApplication app, Uri baseUrl, FakeApiOptions options, FakeDataset data, FakeApiStats stats)
    {
        (_app, BaseUrl, Options, Data, Stats) = (app, baseUrl, options, data, stats);
    }

    public Uri BaseUrl { get; }
    public FakeApiOptions Options { get; }
    public FakeDataset Data { get; }
    public FakeApiStats Stats { get; }

    public static async Task<FakeApiServer> StartAsync(FakeApiOptions options, CancellationToken ct = default)
    {
        var data = FakeDataset.Create(options);
        var stats = new FakeApiStats(options.Time, options.RequestLogCapacity);
        var app = AppFactory.Build(options, data, stats, new FaultSchedule(options.Faults));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeApiServer(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), options, data, stats);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
