using System.Globalization;
using System.Text.Json;
using TapCustomerIo.Schemas;

namespace TapCustomerIo.Singer;

/// <summary>Copies an API value into a record, converting it as its <see cref="FieldPlan"/> says.</summary>
internal static class ValueWriter
{
    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    public static void Write(Utf8JsonWriter writer, JsonElement value, FieldPlan plan)
    {
        switch (plan.Kind)
        {
            case FieldKind.DateTime when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds):
                WriteUnixSeconds(writer, seconds);
                return;
            case FieldKind.DateTime when value.ValueKind == JsonValueKind.String && IsDigits(value) && value.GetString() is { } text
                                         && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fromText):
                WriteUnixSeconds(writer, fromText);
                return;
            case FieldKind.Integer when value.ValueKind == JsonValueKind.String && IsDigits(value)
                                        && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                return;
            case FieldKind.Integer when value.ValueKind == JsonValueKind.Number && !value.TryGetInt64(out _) && value.TryGetDouble(out var d)
                                        && d == Math.Floor(d) && Math.Abs(d) < 9e15:
                writer.WriteNumberValue((long)d); // 3.0 → 3: an integer column must never see a float
                return;
            case FieldKind.String when value.ValueKind == JsonValueKind.Number:
                writer.WriteStringValue(value.GetRawText());
                return;
            case FieldKind.Object when value.ValueKind == JsonValueKind.Object:
                WriteObject(writer, value, plan);
                return;
            case FieldKind.Array when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, plan.Items!);
                }

                writer.WriteEndArray();
                return;
            default:
                value.WriteTo(writer);
                return;
        }
    }

    /// <summary>Writes a text value (a parent id) as the declared type: digits into an integer column become a number.</summary>
    public static void WriteText(Utf8JsonWriter writer, string text, FieldPlan plan)
    {
        if (plan.Kind == FieldKind.Integer && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    public static void WriteUnixSeconds(Utf8JsonWriter writer, long seconds)
    {
        if (seconds is < 0 or > MaxUnixSeconds)
        {
            writer.WriteNumberValue(seconds);
            return;
        }

        Span<byte> text = stackalloc byte[20];
        DateTime.UnixEpoch.AddSeconds(seconds).TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement value, FieldPlan plan)
    {
        writer.WriteStartObject();
        foreach (var property in value.EnumerateObject())
        {
            writer.WritePropertyName(property.Name);
            var inner = plan.Properties is not null && plan.Properties.TryGetValue(property.Name, out var declared)
                ? declared
                : plan.Additional ?? FieldPlan.Pass;
            Write(writer, property.Value, inner);
        }

        writer.WriteEndObject();
    }

    private static bool IsDigits(JsonElement value)
    {
        var text = value.GetString();
        return text is { Length: > 0 and < 19 } && text.All(char.IsAsciiDigit);
    }
}
