using System.Text.Json.Nodes;
using FakeCustomerIo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Http;

/// <summary>What the tap does when the API misbehaves, through the real executable.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FailureTests
{
    private static readonly string[] Streams =
        ["activities", "campaigns", "campaign_actions", "customers", "messages", "newsletters", "segment_membership", "sender_identities", "esp_suppressions"];

    [Fact]
    public async Task Injected_faults_yield_the_same_records_as_a_clean_run()
    {
        await using var clean = await SyncHarness.StartAsync(new FakeApiOptions { RateLimitPerSecond = 0 });
        var expected = await clean.SyncAsync(clean.Config(), clean.Catalog(Streams));
        await using var faulty = await SyncHarness.StartAsync(new FakeApiOptions
        {
            RateLimitPerSecond = 0,
            Anchor = clean.Server.Data.Anchor,
            Faults = new FaultOptions { Rate = 0.2, Seed = 11, SlowDelay = TimeSpan.FromSeconds(2) },
        });

        // A one-second timeout turns the slow responses into timeouts, which are retried too.
        var run = await faulty.RunAsync(faulty.Config(new JsonObject { ["request_timeout_seconds"] = 1 }), faulty.Catalog(Streams));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var actual = SingerTranscript.Parse(run.Stdout);
        Assert.True(faulty.Server.Stats.Faults > 10, $"only {faulty.Server.Stats.Faults} faults were injected");
        foreach (var stream in Streams)
        {
            Assert.Equal(expected.Keys(stream).Order(), actual.Keys(stream).Order());
        }

        Assert.Contains(run.StderrLines, l => l.StartsWith("WARNING Retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_key_names_the_key_type_and_the_region_and_leaks_nothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        var config = harness.Config(new JsonObject { ["api_key"] = "not-the-key-4f9a" });

        var run = await harness.RunAsync(config);

        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.StderrLines, l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.Contains("401", critical);
        Assert.Contains("App API key", critical);
        Assert.Contains("region", critical);
        Assert.DoesNotContain("not-the-key-4f9a", run.Stdout + run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        var transcript = SingerTranscript.Parse(run.Stdout);
        Assert.NotNull(transcript.LastState); // what was emitted stays valid
    }

    [Fact]
    public async Task A_key_without_the_scope_names_the_stream_to_deselect()
    {
        await using var harness = await SyncHarness.StartAsync();
        var config = harness.Config(new JsonObject { ["api_key"] = harness.Server.Options.ScopedKey });

        var run = await harness.RunAsync(config, harness.Catalog("workspaces", "campaigns"));

        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.StderrLines, l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.Contains("403", critical);
        Assert.Contains("deselect stream 'campaigns'", critical);
        Assert.DoesNotContain(harness.Server.Options.ScopedKey, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task A_cursor_that_repeats_stops_the_stream_with_a_clear_message()
    {
        var requests = 0;
        await using var api = await StubApi.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            return context.Response.WriteAsync("""{"activities": [{"id": "a1", "timestamp": 1700000000}], "next": "c2FtZQ=="}""");
        });
        using var files = new TempFiles();
        var config = files.Write("c.json", $$"""{"api_key": "k", "base_url": "{{api.Url}}", "max_requests_per_second": 1000}""");

        var catalog = SyncHarness.SelectStreams("activities");
        var run = await TapProcess.RunAsync(["--config", config, "--catalog", files.Write("catalog.json", catalog)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("same page cursor twice", Assert.Single(run.StderrLines, l => l.StartsWith("CRITICAL", StringComparison.Ordinal)));
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task An_html_error_page_is_retried_and_the_records_still_arrive()
    {
        var requests = 0;
        await using var api = await StubApi.StartAsync(context =>
        {
            if (Interlocked.Increment(ref requests) <= 2)
            {
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync("<html><body>502 Bad Gateway</body></html>");
            }

            return context.Response.WriteAsync("""{"campaigns": [{"id": 1, "name": "Welcome", "updated": 1700000000}]}""");
        });
        using var files = new TempFiles();
        var config = files.Write("c.json", $$"""{"api_key": "k", "base_url": "{{api.Url}}", "max_requests_per_second": 1000}""");

        var run = await TapProcess.RunAsync(["--config", config, "--catalog", files.Write("catalog.json", SyncHarness.SelectStreams("campaigns"))]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["1"], SingerTranscript.Parse(run.Stdout).Keys("campaigns"));
        Assert.Equal(3, requests);
        Assert.Equal(2, run.StderrLines.Count(l => l.Contains("not JSON", StringComparison.Ordinal)));
    }
}

/// <summary>Garbage the API might send: items of the wrong type stop the run clearly; huge values pass intact.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class GarbageTests
{
    private static async Task<TapRun> RunAgainst(string body, string stream)
    {
        await using var api = await StubApi.StartAsync(context => context.Response.WriteAsync(body));
        using var files = new TempFiles();
        var config = files.Write("c.json", $$"""{"api_key": "k", "base_url": "{{api.Url}}", "max_requests_per_second": 1000}""");
        return await TapProcess.RunAsync(["--config", config, "--catalog", files.Write("catalog.json", SyncHarness.SelectStreams(stream))]);
    }

    [Theory]
    [InlineData("""{"campaigns": [1, 2]}""", "holding a Number")]
    [InlineData("""{"campaigns": "none"}""", "answered 'campaigns' as String")]
    [InlineData("""{"data": []}""", "without the expected 'campaigns' list")]
    public async Task Records_of_the_wrong_shape_stop_the_run_with_a_clear_line(string body, string expected)
    {
        var run = await RunAgainst(body, "campaigns");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.StderrLines, l => l.StartsWith("CRITICAL", StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", run.Stderr);
        SingerTranscript.Parse(run.Stdout); // what was written is whole and ends with a STATE
    }

    [Fact]
    public async Task When_one_stream_fails_the_others_stop_and_the_cause_is_reported()
    {
        await using var api = await StubApi.StartAsync(async context =>
        {
            if (context.Request.Path == "/v1/campaigns")
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("""{"errors":[{"detail":"bad campaign filter","status":"400"}]}""");
                return;
            }

            await Task.Delay(500, context.RequestAborted);
            context.Response.StatusCode = 503;
        });
        using var files = new TempFiles();
        var config = files.Write("c.json", $$"""{"api_key": "k", "base_url": "{{api.Url}}", "max_requests_per_second": 1000}""");

        var run = await TapProcess.RunAsync(["--config", config]);

        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.StderrLines, l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.Contains("400", critical);
        Assert.Contains("bad campaign filter", critical);
        SingerTranscript.Parse(run.Stdout);
    }

    [Fact]
    public async Task An_enormous_string_arrives_intact()
    {
        var huge = new string('x', 5_000_000);
        var run = await RunAgainst($$"""{"campaigns": [{"id": 1, "name": "{{huge}}", "updated": 1700000000}]}""", "campaigns");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(huge, (string?)SingerTranscript.Parse(run.Stdout).Records("campaigns").Single()["name"]);
    }
}

/// <summary>A one-handler HTTP server on 127.0.0.1 for behaviour the fake API does not script.</summary>
internal sealed class StubApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubApi(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public static async Task<StubApi> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new StubApi(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
