using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams.Custom;

/// <summary>Turns <c>{"series": {"sent": [..], "opened": [..]}}</c> into one row per bucket with a column per metric.</summary>
internal static class MetricRows
{
    /// <param name="variants">Action metrics' <c>language_variants</c> (<c>{key: {language, default, series}}</c>): each
    /// row gets <c>language_variants: {key: {language, default, metric: value in this bucket}}</c>.</param>
    public static RecordBatch FromSeries(RawValue series, IReadOnlyList<DateTimeOffset> starts, string periodField, string period,
        RawValue variants = default)
    {
        var columns = Columns(series);
        var languages = variants.ValueKind == JsonValueKind.Object
            ? variants.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.Object).ToArray()
            : [];
        return SyntheticRows.Build(writer =>
        {
            for (var i = 0; i < starts.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString(periodField, period);
                writer.WriteString("period_start", Rfc3339.Format(starts[i]));
                WriteBucket(writer, columns, i);
                if (variants.ValueKind == JsonValueKind.Object)
                {
                    writer.WriteStartObject("language_variants");
                    foreach (var language in languages)
                    {
                        writer.WriteStartObject(language.Name);
                        foreach (var field in language.Value.EnumerateObject().Where(f => f.Name != "series"))
                        {
                            field.WriteTo(writer);
                        }

                        WriteBucket(writer, Columns(language.Value.TryGetProperty("series"u8, out var s) ? s : default), i);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }
        });
    }

    public static int Length(RawValue series) => Columns(series).Select(p => p.Values.Length).DefaultIfEmpty(0).Max();

    public static RawValue Series(RawValue metric) =>
        metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("series", out var series) ? series : metric;

    /// <summary>Each metric's name and values (the arrays are short: a bucket a day, week or month).</summary>
    private static (string Name, RawValue[] Values)[] Columns(RawValue series) => series.ValueKind == JsonValueKind.Object
        ? [.. series.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).Select(p => (p.Name, p.Value.EnumerateArray().ToArray()))]
        : [];

    /// <summary>Each metric's value in bucket <paramref name="index"/>, null where its array is shorter.</summary>
    private static void WriteBucket(Utf8JsonWriter writer, (string Name, RawValue[] Values)[] columns, int index)
    {
        foreach (var column in columns)
        {
            writer.WritePropertyName(column.Name);
            if (index < column.Values.Length)
            {
                column.Values[index].WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
