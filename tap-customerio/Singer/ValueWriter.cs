using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;

namespace TapCustomerIo.Singer;

/// <summary>Copies an API value into a record, converting it as its <see cref="FieldPlan"/> says.</summary>
internal static class ValueWriter
{
    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    /// <param name="singleLine">The value's JSON text has no line break (checked once per record by the caller), so
    /// it can be copied as it arrived.</param>
    public static void Write(Utf8JsonWriter writer, RawValue value, FieldPlan plan, bool singleLine = false)
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
                WriteObject(writer, value, plan, singleLine);
                return;
            case FieldKind.Array when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, plan.Items!, singleLine);
                }

                writer.WriteEndArray();
                return;
            default:
                if (singleLine)
                {
                    writer.WriteRawValue(value.Raw, skipInputValidation: true);
                }
                else
                {
                    WriteRaw(writer, value);
                }

                return;
        }
    }

    /// <summary>
    /// Copies a value's JSON text as it arrived: already valid and escaped, so nothing is decoded and re-encoded.
    /// A value spread over several lines (a pretty-printed body) is re-written instead: a Singer message is one line.
    /// </summary>
    public static void WriteRaw(Utf8JsonWriter writer, RawValue value)
    {
        var raw = value.Raw;
        if (IsSingleLine(raw))
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>True when JSON text has no line break (inside strings they are always escaped, so any is whitespace).</summary>
    public static bool IsSingleLine(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'\n', (byte)'\r') < 0;

    /// <summary>Writes a property's name from its raw UTF-8 (an escaped name is decoded first, so it is not escaped twice).</summary>
    public static void WriteName(Utf8JsonWriter writer, RawProperty property)
    {
        var raw = property.RawName;
        if (raw.IndexOf((byte)'\\') < 0)
        {
            writer.WritePropertyName(raw);
        }
        else
        {
            writer.WritePropertyName(property.Name);
        }
    }

    /// <summary>Writes a text value (a parent id) as the declared type: digits into an integer column become a number.</summary>
    public static void WriteText(Utf8JsonWriter writer, string? text, FieldPlan plan)
    {
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else if (plan.Kind == FieldKind.Integer && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
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

        // By hand: DateTime.TryFormat with a custom pattern costs several times more, and every delivery has a few.
        Span<byte> text = stackalloc byte[20];
        var days = seconds / 86400;
        var second = (int)(seconds % 86400);
        var (year, month, day) = CivilFromDays(days);
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), second / 3600);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), second / 60 % 60);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), second % 60);
        text[19] = (byte)'Z';
        writer.WriteStringValue(text);
    }

    /// <summary>Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days).</summary>
    internal static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = days / 146097;
        var dayOfEra = days - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthIndex = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        var year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, RawValue value, FieldPlan plan, bool singleLine)
    {
        writer.WriteStartObject();
        foreach (var property in value.EnumerateObject())
        {
            WriteName(writer, property);
            var inner = plan.Properties is not null && Declared(plan, property) is { } declared
                ? declared
                : plan.Additional ?? FieldPlan.Pass;
            Write(writer, property.Value, inner, singleLine);
        }

        writer.WriteEndObject();
    }

    /// <summary>The declared plan of a nested property, looked up without allocating its name.</summary>
    private static FieldPlan? Declared(FieldPlan plan, RawProperty property)
    {
        var raw = property.RawName;
        if (raw.Length > 128 || raw.IndexOf((byte)'\\') >= 0)
        {
            return plan.Properties!.GetValueOrDefault(property.Name);
        }

        Span<char> name = stackalloc char[128];
        var length = System.Text.Encoding.UTF8.GetChars(raw, name);
        return plan.PropertiesByName!.Value.TryGetValue(name[..length], out var found) ? found : null;
    }

    private static bool IsDigits(RawValue value)
    {
        var text = value.GetString();
        return text is { Length: > 0 and < 19 } && text.All(char.IsAsciiDigit);
    }
}
