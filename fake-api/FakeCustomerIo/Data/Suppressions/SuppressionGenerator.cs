using System.Globalization;
using System.Text.Json;

namespace FakeCustomerIo.Data.Suppressions;

/// <summary>
/// ESP suppression lists per type, computed per index. The workspace-wide list of the largest type has
/// <see cref="FakeScale.SuppressionsPerType"/> entries; a <c>domain</c> gets its own, smaller list (a pure function of
/// the domain name), with different addresses.
/// </summary>
internal sealed class SuppressionGenerator(long seed, int perType, long anchor)
{
    public static readonly string[] Types = ["bounces", "blocks", "spam_reports", "invalid_emails"];
    private static readonly double[] Shares = [1.0, 0.55, 0.2, 0.35];
    private static readonly string[] Reasons =
        ["550 5.1.1 The email account that you tried to reach does not exist", "554 5.7.1 Message rejected as spam",
         "User reported spam", "Invalid email address syntax"];
    private static readonly string[] Statuses = ["550", "554", "", "400"];

    public int Count(string type, string? domain)
    {
        var k = Array.IndexOf(Types, type);
        var full = (int)(perType * Shares[k]);
        if (string.IsNullOrEmpty(domain))
        {
            return full;
        }

        var h = Hash.OfString((ulong)seed, domain);
        return (int)(h % (ulong)Math.Max(1, full / 4 + 1)) + 1;
    }

    public string Email(string type, string? domain, int j)
    {
        var h = Hash.Of(seed, Salt.Suppression, Array.IndexOf(Types, type), j);
        var local = $"{Hash.Pick(h, Words.FirstNames)}{j.ToString(CultureInfo.InvariantCulture)}";
        return string.IsNullOrEmpty(domain)
            ? $"{local}@{Hash.Pick(h >> 8, Words.EmailDomains)}"
            : $"{local}.{(Hash.OfString(0, domain) % 1000).ToString(CultureInfo.InvariantCulture)}@recipients.example";
    }

    public void Write(Utf8JsonWriter w, string type, string? domain, int j)
    {
        var k = Array.IndexOf(Types, type);
        w.WriteStartObject();
        w.WriteString("email", Email(type, domain, j));
        w.WriteNumber("created", anchor - 3600 - (long)(Hash.Of(seed, Salt.Suppression, k, j, 1) % (365UL * 86_400)));
        w.WriteString("reason", Reasons[k]);
        w.WriteString("status", Statuses[k]);
        w.WriteEndObject();
    }
}
