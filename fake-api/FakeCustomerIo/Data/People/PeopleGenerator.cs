using System.Globalization;

namespace FakeCustomerIo.Data.People;

/// <summary>
/// People are a pure function of (seed, index): nothing is stored. Every identifier is invertible, so lookups by
/// <c>cio_id</c>, <c>id</c> or <c>email</c> cost O(1). About 20% of people have no <c>id</c> (email-only workspaces);
/// every person has a <c>cio_id</c>.
/// </summary>
internal sealed partial class PeopleGenerator(long seed, long count, long anchor, int extraAttributes = 0)
{
    private const ulong Mask48 = (1UL << 48) - 1;
    private readonly ulong _a = (Hash.Of(seed, Salt.Person, -1) | 1) & Mask48;
    private readonly ulong _b = Hash.Of(seed, Salt.Person, -2) & Mask48;

    public long Count => count;

    /// <summary>12 hex digits, a bijection of the index (so unique), e.g. "a3f0c1d2e4b5".</summary>
    public string CioId(long p) => (((ulong)p * _a + _b) & Mask48).ToString("x12", CultureInfo.InvariantCulture);

    public bool TryFindByCioId(string cioId, out long p)
    {
        p = -1;
        if (cioId.Length != 12 || !ulong.TryParse(cioId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var x))
        {
            return false;
        }

        var candidate = (long)(((x - _b) & Mask48) * Inverse48(_a) & Mask48);
        if (candidate >= count || CioId(candidate) != cioId)
        {
            return false;
        }

        p = candidate;
        return true;
    }

    /// <summary>Null for email-only people; otherwise digit-only ("100042", must stay a string) or "user-43".</summary>
    public string? Id(long p) =>
        Hash.Of(seed, Salt.Person, p, 1) % 5 == 0 ? null
        : p % 2 == 0 ? (100_000 + p).ToString(CultureInfo.InvariantCulture)
        : "user-" + p.ToString(CultureInfo.InvariantCulture);

    public bool TryFindById(string id, out long p)
    {
        p = -1;
        var digits = id.StartsWith("user-", StringComparison.Ordinal) ? id[5..] : id;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var candidate = ReferenceEquals(digits, id) ? n - 100_000 : n;
        if (candidate < 0 || candidate >= count || Id(candidate) != id)
        {
            return false;
        }

        p = candidate;
        return true;
    }

    public string FirstName(long p) => Hash.Pick(Hash.Of(seed, Salt.Person, p, 2), Words.FirstNames);
    public string LastName(long p) => Hash.Pick(Hash.Of(seed, Salt.Person, p, 3), Words.LastNames);

    public string Email(long p)
    {
        Span<char> buf = stackalloc char[128];
        return new string(buf[..FormatEmail(p, buf)]);
    }

    public bool TryFindByEmail(string email, out long p)
    {
        p = -1;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var dot = at < 0 ? -1 : email.LastIndexOf('.', at);
        if (dot < 0 || !long.TryParse(email.AsSpan(dot + 1, at - dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n >= count || Email(n) != email)
        {
            return false;
        }

        p = n;
        return true;
    }

    /// <summary>Resolves a person the way <c>id_type</c> says (id, email or cio_id; default id).</summary>
    public bool TryResolve(string? idType, string value, out long p)
    {
        p = -1;
        return (idType ?? "id") switch
        {
            "cio_id" => TryFindByCioId(value, out p),
            "email" => TryFindByEmail(value, out p),
            "id" => TryFindById(value, out p),
            _ => false,
        };
    }

    public long CreatedAt(long p) => anchor - 3 * 3600 - (long)(Hash.Of(seed, Salt.Person, p, 5) % (3UL * 365 * 86_400));

    public bool Unsubscribed(long p) => Hash.Of(seed, Salt.Person, p, 6) % 20 == 0;

    private static ulong Inverse48(ulong a)
    {
        var inv = a; // Newton iteration: correct to 3, 6, 12, 24, 48, 96 bits.
        for (var i = 0; i < 5; i++)
        {
            inv *= 2 - a * inv;
        }

        return inv & Mask48;
    }
}
