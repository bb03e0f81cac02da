using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Reads the top-level <c>start</c> of campaign metrics version 2: the start of bucket 0. The definition types it
/// "ISO 8601", but its examples are Go's default time text (<c>2025-01-06 00:00:00 +0000 UTC</c>), which is not
/// RFC 3339; both are read, and a text without an offset is wall-clock time in the requested zone.
/// </summary>
internal static partial class MetricStartText
{
    public static bool TryParse(RawValue value, TimeZoneInfo zone, out DateTimeOffset start)
    {
        start = default;
        return value.ValueKind switch
        {
            JsonValueKind.String => TryParse(value.GetString(), zone, out start),
            JsonValueKind.Number when value.TryGetInt64(out var seconds) => Unix(seconds, out start),
            _ => false,
        };
    }

    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset start)
    {
        start = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        if (!DateTime.TryParseExact($"{Part("y"):D4}-{Part("mo"):D2}-{Part("d"):D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || Part("h") > 23 || Part("mi") > 59 || Part("s") > 59)
        {
            return false;
        }

        var local = date.Add(new TimeSpan(Part("h"), Part("mi"), Part("s")));

        var offset = match.Groups["offset"];
        if (!offset.Success)
        {
            start = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }

        start = new DateTimeOffset(local, Offset(offset.Value));
        return true;
    }

    private static bool Unix(long seconds, out DateTimeOffset start)
    {
        start = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary><c>Z</c>, <c>UTC</c>, <c>GMT</c>, <c>+05</c>, <c>+0530</c> or <c>+05:30</c>.</summary>
    private static TimeSpan Offset(string text)
    {
        if (text[0] is not ('+' or '-'))
        {
            return TimeSpan.Zero;
        }

        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
        var span = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -span : span;
    }

    // Date, then optionally a time ('T' or a space, seconds and fractions optional), then optionally an offset; Go
    // appends the zone's abbreviation (and sometimes a monotonic-clock reading) after the offset, which are ignored.
    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[Tt ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?)?\s*(?<offset>[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?:\s.*)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
