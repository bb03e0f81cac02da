using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using Serilog;
using Serilog.Events;
using TapCustomerIo.Config;
using TapCustomerIo.Discovery;
using TapCustomerIo.Http;
using TapCustomerIo.Logging;
using TapCustomerIo.Singer;
using TapCustomerIo.Sync;

namespace TapCustomerIo.Cli;

/// <summary>
/// Parses the command line and runs discovery, <c>--about</c> or a sync. Exit codes: 0 done, 1 a problem the user can fix
/// (one CRITICAL line on stderr says which and how), 2 a command-line mistake, 130/143 interrupted.
/// </summary>
internal static class TapCommand
{
    public static async Task<int> RunAsync(string[] args, Stream stdout)
    {
        var options = new TapOptions();
        var root = options.CreateRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"tap-customerio: {parse.Errors[0].Message}\n{TapOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        root.SetAction((result, cancellation) => ExecuteAsync(result, options, stdout, cancellation));
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, TapOptions options, Stream stdout, CancellationToken cancellation)
    {
        var levelText = parse.GetValue(options.LogLevel) ?? Environment.GetEnvironmentVariable("TAP_CUSTOMERIO_LOG_LEVEL");
        if (!TapLog.TryParseLevel(levelText, out var level))
        {
            await Console.Error.WriteLineAsync($"tap-customerio: unknown log level '{levelText}' (use debug, info, warning, error or critical)\n{TapOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        var json = (parse.GetValue(options.LogFormat) ?? Environment.GetEnvironmentVariable("TAP_CUSTOMERIO_LOG_FORMAT")) == "json";
        await using var log = TapLog.Create(level, json);
        if (parse.GetValue(options.About))
        {
            await WriteTextAsync(stdout, About.Render(parse.GetValue(options.Format)!)).ConfigureAwait(false);
            return 0;
        }

        if (parse.GetValue(options.Config) is not { } configPath)
        {
            await Console.Error.WriteLineAsync($"tap-customerio: --config FILE is required for --discover and for a sync\n{TapOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        using var interrupt = new Interrupt(cancellation);
        try
        {
            var config = ConfigLoader.Load(configPath);
            if (parse.GetValue(options.Discover))
            {
                var catalog = CatalogBuilder.Build(config);
                await WriteTextAsync(stdout, catalog.ToJsonString(SingerJson.Pretty) + "\n")
                    .ConfigureAwait(false);
                return 0;
            }

            var selection = parse.GetValue(options.Catalog) is { } catalogPath
                ? CatalogSelection.Load(catalogPath, config, log)
                : CatalogSelection.Defaults();
            var state = parse.GetValue(options.State) is { } statePath ? TapState.Load(statePath) : TapState.Empty();
            if (parse.GetValue(options.Estimate))
            {
                await EstimateAsync(config, selection, state, parse.GetValue(options.Format) == "json", stdout, log, interrupt.Token).ConfigureAwait(false);
                return 0;
            }

            var test = parse.GetValue(options.Test);
            var versions = config.ActivateVersion && !test ? new TableVersions(selection, state, TimeProvider.System) : null;
            using var client = new CustomerIoClient(config, log, TimeProvider.System);
            using var writer = new SingerWriter(stdout);
            if (test)
            {
                await ConnectionTest.CheckKeyAsync(client, log, interrupt.Token).ConfigureAwait(false);
            }

            var runner = new SyncRunner(client, config, writer, state, log, TimeProvider.System) { Versions = versions, Quota = test ? new RecordQuota() : null };
            await runner.RunAsync(selection, interrupt.Token).ConfigureAwait(false);
            if (test)
            {
                log.Information("Connection test passed: the API accepted the key, and each selected stream wrote at most one record");
            }

            return 0;
        }
        catch (OperationCanceledException) when (interrupt.Signal is { } signal)
        {
            log.Fatal("Interrupted by {Signal}: stopped after writing a final STATE; run again with it to resume", signal);
            return signal == "SIGTERM" ? 143 : 130;
        }
        catch (TapException e)
        {
            log.Fatal("{Message:l}", e.Message);
            return 1;
        }
        catch (IOException e) when (IsClosedOutput(e))
        {
            log.Fatal("The target stopped reading (stdout was closed); stopping. Check the target's log for why it exited");
            return 1;
        }
        catch (Exception e)
        {
            log.Fatal("Unexpected error {Type}: {Message:l}. Please report it with the tap's version ({Version})", e.GetType().Name, e.Message, TapInfo.Version);
            log.Debug(e, "Details");
            return 1;
        }
    }

    /// <summary>
    /// <c>--estimate</c>: the plan of the sync these inputs would run, from the same tree and policies. No Singer
    /// message: JSON on stdout when asked for, else a table on stderr.
    /// </summary>
    private static async Task EstimateAsync(TapConfig config, IReadOnlyList<SelectedStream> selection, TapState state, bool json, Stream stdout,
        ILogger log, CancellationToken cancellation)
    {
        using var client = new CustomerIoClient(config, log, TimeProvider.System);
        var signpost = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var roots = SyncRunner.BuildTree(selection, config, state, signpost, quota: null);
        var estimator = new Planning.CostEstimator(new Planning.ReadProbe(client, config, log), config, state);
        var plan = await estimator.EstimateAsync(roots, cancellation).ConfigureAwait(false);
        if (json)
        {
            await WriteTextAsync(stdout, plan.ToJson().ToJsonString() + "\n").ConfigureAwait(false);
        }
        else
        {
            await Console.Error.WriteAsync(plan.ToText()).ConfigureAwait(false);
        }
    }

    private static bool IsClosedOutput(IOException e) => e.HResult == 32 || e.Message.Contains("pipe", StringComparison.OrdinalIgnoreCase);

    private static async Task WriteTextAsync(Stream stdout, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text); // no BOM: GetBytes never writes one
        await stdout.WriteAsync(bytes).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>SIGTERM and SIGINT cancel the sync, which then ends with a final STATE instead of dying mid-line.</summary>
    private sealed class Interrupt : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly PosixSignalRegistration[] _registrations;

        public Interrupt(CancellationToken outer)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            _registrations = [Register(PosixSignal.SIGTERM, "SIGTERM"), Register(PosixSignal.SIGINT, "SIGINT")];
        }

        public CancellationToken Token => _source.Token;

        public string? Signal { get; private set; }

        private PosixSignalRegistration Register(PosixSignal signal, string name) => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            Signal ??= name;
            _source.Cancel();
        });

        public void Dispose()
        {
            foreach (var registration in _registrations)
            {
                registration.Dispose();
            }

            _source.Dispose();
        }
    }
}
