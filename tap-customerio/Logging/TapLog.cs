using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Sinks.SystemConsole.Themes;

namespace TapCustomerIo.Logging;

/// <summary>Serilog set up for a Singer tap: every event to stderr, never stdout (stdout belongs to Singer messages).</summary>
internal static class TapLog
{
    public const string Template = "{SingerLevel} {Message:lj}{NewLine}";

    public static Logger Create(LogEventLevel level, bool json)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .Enrich.With<SingerLevelEnricher>();
        return json
            ? configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose).CreateLogger()
            : configuration.WriteTo.Console(outputTemplate: Template, theme: ConsoleTheme.None,
                standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
    }

    public static bool TryParseLevel(string? text, out LogEventLevel level)
    {
        level = LogEventLevel.Information;
        return (text ?? "info").Trim().ToLowerInvariant() switch
        {
            "debug" or "trace" or "verbose" => Set(LogEventLevel.Debug, out level),
            "info" or "information" => Set(LogEventLevel.Information, out level),
            "warning" or "warn" => Set(LogEventLevel.Warning, out level),
            "error" => Set(LogEventLevel.Error, out level),
            "critical" or "fatal" => Set(LogEventLevel.Fatal, out level),
            _ => false,
        };
    }

    private static bool Set(LogEventLevel value, out LogEventLevel level)
    {
        level = value;
        return true;
    }
}
