using System.Text.Json.Nodes;
using FakeCustomerIo;

namespace TapCustomerIo.Tests.Support;

/// <summary>
/// One fake Customer.io App API on 127.0.0.1 and helpers to run the real tap-customerio executable against it:
/// config and catalog files, runs, and parsed, validated transcripts.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private SyncHarness(FakeApiServer server) => Server = server;

    public FakeApiServer Server { get; }

    public TempFiles Files { get; } = new();

    /// <summary>Early enough for every generated delivery and activity (the fake spreads them over 200 days).</summary>
    public string StartDate => TapCustomerIo.Singer.Rfc3339.Format(Server.Data.Anchor.AddDays(-400));

    public static async Task<SyncHarness> StartAsync(FakeApiOptions? options = null)
    {
        // The fake stamps each arrival when a thread picks the request up. With the thread pool's default minimum
        // (one thread a core), a burst of cold endpoints can queue requests for hundreds of milliseconds and stamp
        // them together, which would count as a burst the client never sent.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        return new(await FakeApiServer.StartAsync(options ?? new FakeApiOptions()));
    }

    /// <summary>Writes a config pointing at the fake; <paramref name="extra"/> adds or overrides keys.</summary>
    public string Config(JsonObject? extra = null, string name = "config.json")
    {
        var config = new JsonObject
        {
            ["api_key"] = Server.Options.ApiKey,
            ["base_url"] = Server.BaseUrl.GetLeftPart(UriPartial.Authority),
            ["start_date"] = StartDate,
            ["max_requests_per_second"] = Server.Options.RateLimitPerSecond is > 0 and var limit ? limit : 1000,
        };
        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value?.DeepClone();
        }

        return Files.Write(name, config.ToJsonString());
    }

    /// <summary>The discovered catalog (catalog.sample.json) with exactly <paramref name="streams"/> selected.</summary>
    public string Catalog(params string[] streams) => Files.Write($"catalog-{Guid.NewGuid():N}.json", SelectStreams(streams));

    /// <summary>catalog.sample.json's text with exactly <paramref name="streams"/> selected.</summary>
    public static string SelectStreams(params string[] streams)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(RepoPaths.File("catalog.sample.json")))!.AsObject();
        foreach (var entry in catalog["streams"]!.AsArray())
        {
            var top = entry!["metadata"]!.AsArray().Single(m => m!["breadcrumb"]!.AsArray().Count == 0)!["metadata"]!.AsObject();
            top["selected"] = streams.Contains((string)entry["stream"]!);
        }

        return catalog.ToJsonString();
    }

    public string State(JsonObject state) => Files.Write($"state-{Guid.NewGuid():N}.json", state.ToJsonString());

    public async Task<TapRun> RunAsync(string config, string? catalog = null, string? state = null, TimeSpan? timeout = null)
    {
        List<string> args = ["--config", config];
        if (catalog is not null)
        {
            args.AddRange(["--catalog", catalog]);
        }

        if (state is not null)
        {
            args.AddRange(["--state", state]);
        }

        var run = await TapProcess.RunAsync(args, timeout: timeout ?? TimeSpan.FromMinutes(3));

        // Whatever happened, no output may carry an API key.
        foreach (var key in new[] { Server.Options.ApiKey, Server.Options.ScopedKey })
        {
            Assert.DoesNotContain(key, run.Stdout);
            Assert.DoesNotContain(key, run.Stderr);
        }

        return run;
    }

    /// <summary>Runs to completion, asserts success and returns the validated transcript.</summary>
    public async Task<SingerTranscript> SyncAsync(string config, string? catalog = null, string? state = null)
    {
        var run = await RunAsync(config, catalog, state);
        Assert.True(run.ExitCode == 0, $"tap exited {run.ExitCode}:\n{run.Stderr}");
        return SingerTranscript.Parse(run.Stdout);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Files.Dispose();
    }
}
