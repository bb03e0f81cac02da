using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TapCustomerIo.Planning;

/// <summary>
/// The plan of a sync: per stream the calls and the time at the budget, and the totals. Top-level streams share one
/// budget, so the run takes the calls ÷ the budget, or the longest serial cursor chain at the measured latency if that
/// is longer.
/// </summary>
internal sealed record CostPlan(IReadOnlyList<StreamCost> Streams, double RequestsPerSecond, double Latency, long ProbeRequests)
{
    public long Requests(StreamCost stream) => (long)Math.Round(stream.Requests);

    public double Seconds(StreamCost stream) => Math.Max(Requests(stream) / RequestsPerSecond, stream.Chain * Latency);

    public long TotalRequests => Streams.Sum(Requests);

    public double TotalSeconds => Streams.Select(Seconds).DefaultIfEmpty(0).Max() is var longest && TotalRequests / RequestsPerSecond is var budget
        ? Math.Max(longest, budget)
        : 0;

    private static double Round(double seconds) => Math.Round(seconds, 1);

    private static string Name(CostBasis basis) => basis.ToString().ToLowerInvariant();

    public JsonObject ToJson() => new()
    {
        ["streams"] = new JsonArray([.. Streams.Select(s => (JsonNode)new JsonObject
        {
            ["stream"] = s.Stream,
            ["requests"] = Requests(s),
            ["seconds"] = Round(Seconds(s)),
            ["figure"] = Name(s.Basis),
            ["selected"] = s.Selected,
        })]),
        ["total_requests"] = TotalRequests,
        ["total_seconds"] = Round(TotalSeconds),
        ["probe_requests"] = ProbeRequests,
    };

    public string ToText()
    {
        var text = new StringBuilder();
        var width = Math.Max(6, Streams.Select(s => s.Stream.Length + (s.Selected ? 0 : 9)).DefaultIfEmpty(0).Max());
        text.AppendLine(CultureInfo.InvariantCulture, $"{"stream".PadRight(width)}  {"requests",10}  {"seconds",10}  figure");
        foreach (var stream in Streams)
        {
            var name = stream.Selected ? stream.Stream : stream.Stream + " (walked)";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{name.PadRight(width)}  {Requests(stream),10}  {Round(Seconds(stream)),10:0.0}  {Name(stream.Basis)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{"total".PadRight(width)}  {TotalRequests,10}  {Round(TotalSeconds),10:0.0}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"at {RequestsPerSecond:0.##} requests/s (max_requests_per_second), {Latency * 1000:0} ms a call measured; the estimate itself made {ProbeRequests} requests");
        return text.ToString();
    }
}
