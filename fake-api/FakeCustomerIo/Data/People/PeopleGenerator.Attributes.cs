using System.Globalization;

namespace FakeCustomerIo.Data.People;

/// <summary>
/// Attributes. Quirk: every value is a string, numbers and times included ("lifetime_value": "129.5",
/// "created_at": "1489014595"); the <c>timestamps</c> map, by contrast, holds integers.
/// Each person has 3–8 custom attributes: a run of <c>n</c> consecutive names of <see cref="Custom"/> from a seeded start.
/// </summary>
internal sealed partial class PeopleGenerator
{
    public static readonly string[] Custom =
        ["first_name", "last_name", "plan", "lifetime_value", "company", "city", "country", "vip", "age", "locale", "signup_source"];

    private static readonly string[] Locales = ["en-US", "pt-PT", "de-DE", "ja-JP", "fr-FR"];
    private static readonly string[] Sources = ["web", "ios", "android", "import"];

    public bool HasCustom(long p, int k)
    {
        var h = Hash.Of(seed, Salt.PersonAttribute, p);
        var n = 3 + (int)(h % 6);
        var start = (int)((h >> 8) % (ulong)Custom.Length);
        return (k - start + Custom.Length) % Custom.Length < n;
    }

    public bool HasLastEmailed(long p) => Hash.Of(seed, Salt.PersonAttribute, p, 1) % 2 == 0;

    /// <summary>The attributes in the order they are written: reserved ones, then the person's custom ones.</summary>
    public IEnumerable<string> AttributeNames(long p)
    {
        yield return "cio_id";
        yield return "email";
        if (Id(p) is not null)
        {
            yield return "id";
        }

        yield return "created_at";
        if (HasLastEmailed(p))
        {
            yield return "_last_emailed";
        }

        for (var k = 0; k < Custom.Length; k++)
        {
            if (HasCustom(p, k))
            {
                yield return Custom[k];
            }
        }

        for (var k = 0; k < extraAttributes; k++)
        {
            yield return ExtraName(k);
        }
    }

    private static readonly string[] ExtraNames = [.. Enumerable.Range(0, 100).Select(k => $"note_{k:00}")];

    private static string ExtraName(int k) => k < ExtraNames.Length ? ExtraNames[k] : $"note_{k}";

    /// <summary>The attribute's string value, or null if the person does not have it.</summary>
    public string? Attribute(long p, string name)
    {
        var k = Array.IndexOf(Custom, name);
        if (k >= 0 && !HasCustom(p, k))
        {
            return null;
        }

        var h = Hash.Of(seed, Salt.PersonAttribute, p, 100 + Math.Max(k, 0));
        return name switch
        {
            "cio_id" => CioId(p),
            "email" => Email(p),
            "id" => Id(p),
            "created_at" => CreatedAt(p).ToString(CultureInfo.InvariantCulture),
            "_last_emailed" => HasLastEmailed(p) ? LastEmailed(p).ToString(CultureInfo.InvariantCulture) : null,
            "first_name" => Words.Title(FirstName(p)),
            "last_name" => Words.Title(LastName(p)),
            "plan" => Hash.Pick(h, Words.Plans),
            "lifetime_value" => ((h % 200_000) / 10.0).ToString(CultureInfo.InvariantCulture),
            "company" => Hash.Pick(h, Words.Companies),
            "city" => Hash.Pick(h, Words.Cities),
            "country" => Hash.Pick(h, Words.Countries),
            "vip" => h % 7 == 0 ? "true" : "false",
            "age" => (18 + (long)(h % 60)).ToString(CultureInfo.InvariantCulture),
            "locale" => Hash.Pick(h, Locales),
            "signup_source" => Hash.Pick(h, Sources),
            _ when name.StartsWith("note_", StringComparison.Ordinal) => $"{Hash.Pick(h, Words.Sentences)} #{h % 1000}",
            _ => null,
        };
    }

    /// <summary>When the attribute was last set (Unix seconds), between the person's creation and the anchor.</summary>
    public long AttributeTimestamp(long p, string name)
    {
        var created = CreatedAt(p);
        if (name is "cio_id" or "email" or "id" or "created_at")
        {
            return created;
        }

        var span = Math.Max(1, anchor - 3 * 3600 - created);
        return created + (long)(Hash.OfString((ulong)Hash.Of(seed, Salt.PersonAttribute, p, 7), name) % (ulong)span);
    }

    private long LastEmailed(long p) => AttributeTimestamp(p, "_last_emailed");
}
