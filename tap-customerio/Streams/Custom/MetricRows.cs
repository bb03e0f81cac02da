using System.Text.Json;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams.Custom;

/// <summary>Turns <c>{"series": {"sent": [..], "opened": [..]}}</c> into one row per bucket with a column per metric.</summary>
internal static class MetricRows
{
    public static RecordBatch FromSeries(JsonElement series, IReadOnlyList<DateTimeOffset> starts, string periodField, string period)
    {
        var columns = series.ValueKind == JsonValueKind.Object
            ? series.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToArray()
            : [];
        return SyntheticRows.Build(writer =>
        {
            for (var i = 0; i < starts.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString(periodField, period);
                writer.WriteString("period_start", Rfc3339.Format(starts[i]));
                foreach (var column in columns)
                {
                    writer.WritePropertyName(column.Name);
                    if (i < column.Value.GetArrayLength())
                    {
                        column.Value[i].WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }

                writer.WriteEndObject();
            }
        });
    }

    public static int Length(JsonElement series) => series.ValueKind == JsonValueKind.Object
        ? series.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).Select(p => p.Value.GetArrayLength()).DefaultIfEmpty(0).Max()
        : 0;

    public static JsonElement Series(JsonElement metric) =>
        metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("series", out var series) ? series : metric;
}
