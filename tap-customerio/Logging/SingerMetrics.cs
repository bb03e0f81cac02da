using System.Globalization;
using System.Text.Json;
using Serilog;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Logging;

/// <summary>Singer metric lines (<c>INFO METRIC: {...}</c>), the format singer-python and Meltano parse.</summary>
internal static class SingerMetrics
{
    public static void HttpRequest(ILogger log, string stream, int status, TimeSpan duration) =>
        Write(log, "timer", "http_request_duration", duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
            $"\"endpoint\":{Quote(stream)},\"http_status_code\":{status},\"status\":\"{(status == 200 ? "succeeded" : "failed")}\"");

    public static void RecordCount(ILogger log, string stream, long count) =>
        Write(log, "counter", "record_count", count.ToString(CultureInfo.InvariantCulture), $"\"endpoint\":{Quote(stream)}");

    private static void Write(ILogger log, string type, string metric, string value, string tags)
    {
        if (log.IsEnabled(Serilog.Events.LogEventLevel.Information))
        {
            log.Information("METRIC: {Metric:l}", $"{{\"type\":\"{type}\",\"metric\":\"{metric}\",\"value\":{value},\"tags\":{{{tags}}}}}");
        }
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, SingerJsonContext.Default.String);
}
