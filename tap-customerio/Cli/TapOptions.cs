using System.CommandLine;

namespace TapCustomerIo.Cli;

/// <summary>The command line: the Singer flags (with singer-python's short forms), <c>--about</c> and logging.</summary>
internal sealed class TapOptions
{
    public Option<string?> Config { get; } = new("--config", "-c") { Description = "Config JSON file (see config.sample.json)." };

    public Option<bool> Discover { get; } = new("--discover", "-d") { Description = "Print the catalog of every stream and exit." };

    public Option<string?> Catalog { get; } = new("--catalog", "--properties", "-p")
    {
        Description = "Catalog JSON file choosing streams and fields (default: the streams selected by default).",
    };

    public Option<string?> State { get; } = new("--state", "-s") { Description = "State JSON file from a previous run, to resume from." };

    public Option<bool> Test { get; } = new("--test")
    {
        Description = "Check the config against the API: sync at most one record of each selected stream, move no bookmark, exit 0 " +
            "(1 with the usual one-line error if the key or region is refused).",
    };

    public Option<bool> Estimate { get; } = new("--estimate")
    {
        Description = "Print the plan of the sync instead of running it: per selected stream the requests it would make and the " +
            "time at max_requests_per_second, which figures are exact and which extrapolated, and the totals (text on stderr; " +
            "--format json prints it on stdout). Reads only the cheap lists; with --state, plans the incremental run.",
    };

    public Option<bool> About { get; } = new("--about") { Description = "Describe the tap: version, capabilities, settings." };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Format of --about (text, json or markdown) and of --estimate (text or json).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> LogLevel { get; } = new("--log-level")
    {
        Description = "debug, info (default), warning, error or critical; also TAP_CUSTOMERIO_LOG_LEVEL.",
    };

    public Option<string?> LogFormat { get; } = new("--log-format")
    {
        Description = "text (default) or json (one JSON object a line); also TAP_CUSTOMERIO_LOG_FORMAT. Logs always go to stderr.",
    };

    public const string Usage =
        "usage: tap-customerio --config FILE [--discover | [--catalog FILE] [--state FILE] [--test | --estimate [--format text|json]]] | --about [--format text|json|markdown] | --help | --version";

    public RootCommand CreateRoot()
    {
        Format.AcceptOnlyFromAmong("text", "json", "markdown");
        LogFormat.AcceptOnlyFromAmong("text", "json");
        return new RootCommand(TapInfo.Description) { Config, Discover, Catalog, State, Test, Estimate, About, Format, LogLevel, LogFormat };
    }
}
