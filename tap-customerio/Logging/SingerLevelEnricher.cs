using Serilog.Core;
using Serilog.Events;

namespace TapCustomerIo.Logging;

/// <summary>Names levels the way singer-python does (<c>INFO</c>, <c>WARNING</c>, <c>CRITICAL</c>), which Meltano and
/// people grepping tap logs expect.</summary>
internal sealed class SingerLevelEnricher : ILogEventEnricher
{
    private static readonly LogEventProperty[] Levels =
    [
        new("SingerLevel", new ScalarValue("DEBUG")),
        new("SingerLevel", new ScalarValue("DEBUG")),
        new("SingerLevel", new ScalarValue("INFO")),
        new("SingerLevel", new ScalarValue("WARNING")),
        new("SingerLevel", new ScalarValue("ERROR")),
        new("SingerLevel", new ScalarValue("CRITICAL")),
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(Levels[(int)logEvent.Level]);
}
