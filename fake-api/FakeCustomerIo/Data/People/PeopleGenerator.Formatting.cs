using System.Globalization;

namespace FakeCustomerIo.Data.People;

internal sealed partial class PeopleGenerator
{
    /// <summary>Allocation-free variants for the delivery hot path; each returns the length written.</summary>
    public int FormatCioId(long p, Span<char> into)
    {
        (((ulong)p * _a + _b) & Mask48).TryFormat(into, out var n, "x12", CultureInfo.InvariantCulture);
        return n;
    }

    /// <summary>-1 when the person has no id.</summary>
    public int FormatId(long p, Span<char> into)
    {
        if (Hash.Of(seed, Salt.Person, p, 1) % 5 == 0)
        {
            return -1;
        }

        int n;
        if (p % 2 == 0)
        {
            (100_000 + p).TryFormat(into, out n, default, CultureInfo.InvariantCulture);
        }
        else
        {
            into.TryWrite(CultureInfo.InvariantCulture, $"user-{p}", out n);
        }

        return n;
    }

    public int FormatEmail(long p, Span<char> into)
    {
        into.TryWrite(CultureInfo.InvariantCulture,
            $"{FirstName(p)}.{LastName(p)}.{p}@{Hash.Pick(Hash.Of(seed, Salt.Person, p, 4), Words.EmailDomains)}", out var n);
        return n;
    }
}
