using System.Globalization;

namespace TapCustomerIo.Singer;

/// <summary>The one date-time form the tap writes (RFC 3339, UTC, <c>Z</c>, whole seconds) and the forms it reads.</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Accepts RFC 3339 with an offset or <c>Z</c>, with or without fractions; rejects dates without an offset.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 20 || (text[10] != 'T' && text[10] != 't'))
        {
            return false;
        }

        var last = text[^1];
        var hasOffset = last is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
