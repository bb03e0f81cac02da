using System.Buffers.Text;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;

namespace TapCustomerIo.Singer;

/// <summary>
/// Copies an API value into a record, converting it as its <see cref="FieldPlan"/> says. Values arrive as checked
/// JSON text, so what needs no conversion (nearly everything) is copied byte for byte: nothing is decoded and encoded
/// again, and no writer validates it a second time.
/// </summary>
internal static class ValueWriter
{
    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    /// <param name="singleLine">The record's JSON text has no line break (checked once per record by the caller), so
    /// containers can be copied as they arrived; otherwise their whitespace is dropped (a Singer message is one line).</param>
    public static void Write(LineBuffer output, RawValue value, FieldPlan plan, bool singleLine = false)
    {
        switch (plan.Kind)
        {
            case FieldKind.DateTime when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds):
                WriteUnixSeconds(output, seconds);
                return;
            case FieldKind.DateTime when value.ValueKind == JsonValueKind.String && Digits(value) is { } fromText:
                WriteUnixSeconds(output, fromText);
                return;
            case FieldKind.Integer when value.ValueKind == JsonValueKind.String && Digits(value) is { } number:
                WriteNumber(output, number);
                return;
            case FieldKind.Integer when value.ValueKind == JsonValueKind.Number && !value.TryGetInt64(out _) && value.TryGetDouble(out var d)
                                        && d == Math.Floor(d) && Math.Abs(d) < 9e15:
                WriteNumber(output, (long)d); // 3.0 → 3: an integer column must never see a float
                return;
            case FieldKind.String when value.ValueKind == JsonValueKind.Number:
                output.Write((byte)'"');
                output.Write(value.Raw);
                output.Write((byte)'"');
                return;
            case FieldKind.Object when value.ValueKind == JsonValueKind.Object:
                WriteObject(output, value, plan, singleLine);
                return;
            case FieldKind.Array when value.ValueKind == JsonValueKind.Array:
                output.Write((byte)'[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    Separate(output, ref first);
                    Write(output, item, plan.Items!, singleLine);
                }

                output.Write((byte)']');
                return;
            default:
                WriteRaw(output, value.Raw, singleLine);
                return;
        }
    }

    /// <summary>The comma before every member or item but the first.</summary>
    public static void Separate(LineBuffer output, ref bool first)
    {
        if (!first)
        {
            output.Write((byte)',');
        }

        first = false;
    }

    /// <summary>Copies JSON text; text spread over several lines (a pretty-printed body) loses its whitespace.</summary>
    public static void WriteRaw(LineBuffer output, ReadOnlySpan<byte> json, bool singleLine)
    {
        if (singleLine || IsSingleLine(json))
        {
            output.Write(json);
            return;
        }

        // Outside strings every whitespace byte can go; inside them a line break cannot occur (the check refuses it).
        var i = 0;
        while (i < json.Length)
        {
            var b = json[i];
            if (b == '"')
            {
                var end = JsonScan.SkipCheckedString(json, i);
                output.Write(json[i..end]);
                i = end;
            }
            else
            {
                if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                {
                    output.Write(b);
                }

                i++;
            }
        }
    }

    /// <summary>True when JSON text has no line break (inside strings they are always escaped, so any is whitespace).</summary>
    public static bool IsSingleLine(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'\n', (byte)'\r') < 0;

    /// <summary>Writes a text value (a parent id) as the declared type: digits into an integer column become a number.</summary>
    public static void WriteText(LineBuffer output, string? text, FieldPlan plan)
    {
        if (text is null)
        {
            output.Write("null"u8);
        }
        else if (plan.Kind == FieldKind.Integer && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            WriteNumber(output, number);
        }
        else
        {
            output.Write((byte)'"');
            output.Write(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
            output.Write((byte)'"');
        }
    }

    public static void WriteNumber(LineBuffer output, long number)
    {
        Utf8Formatter.TryFormat(number, output.GetSpan(20), out var written);
        output.Advance(written);
    }

    public static void WriteUnixSeconds(LineBuffer output, long seconds)
    {
        if (seconds is < 0 or > MaxUnixSeconds)
        {
            WriteNumber(output, seconds);
            return;
        }

        // By hand: DateTime.TryFormat with a custom pattern costs several times more, and every delivery has a few.
        var text = output.GetSpan(22)[..22];
        var days = seconds / 86400;
        var second = (int)(seconds % 86400);
        var (year, month, day) = CivilFromDays(days);
        text[0] = (byte)'"';
        Digits(text.Slice(1, 4), year);
        text[5] = (byte)'-';
        Digits(text.Slice(6, 2), month);
        text[8] = (byte)'-';
        Digits(text.Slice(9, 2), day);
        text[11] = (byte)'T';
        Digits(text.Slice(12, 2), second / 3600);
        text[14] = (byte)':';
        Digits(text.Slice(15, 2), second / 60 % 60);
        text[17] = (byte)':';
        Digits(text.Slice(18, 2), second % 60);
        text[20] = (byte)'Z';
        text[21] = (byte)'"';
        output.Advance(22);
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

    private static void WriteObject(LineBuffer output, RawValue value, FieldPlan plan, bool singleLine)
    {
        output.Write((byte)'{');
        var first = true;
        foreach (var property in value.EnumerateObject())
        {
            Separate(output, ref first);
            output.Write(property.QuotedName.Raw); // the name as it arrived: valid JSON, escapes kept
            output.Write((byte)':');
            var inner = plan.Properties is not null && Declared(plan, property) is { } declared
                ? declared
                : plan.Additional ?? FieldPlan.Pass;
            Write(output, property.Value, inner, singleLine);
        }

        output.Write((byte)'}');
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

    /// <summary>A string of 1 to 18 ASCII digits as a number (Unix seconds or an id sent as text), else null.</summary>
    private static long? Digits(RawValue value)
    {
        var raw = value.Raw;
        var inner = raw[1..^1];
        return inner.Length is > 0 and < 19 && !inner.ContainsAnyExceptInRange((byte)'0', (byte)'9')
               && Utf8Parser.TryParse(inner, out long number, out var used) && used == inner.Length
            ? number
            : null;
    }
}
