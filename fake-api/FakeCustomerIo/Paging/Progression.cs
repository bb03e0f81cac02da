namespace FakeCustomerIo.Paging;

/// <summary>
/// The indices i with i mod <see cref="Modulus"/> ∈ <see cref="Residues"/>: how "all deliveries of campaign 3" or
/// "all activities of person p" are described without scanning. Walked downwards (newest first).
/// </summary>
internal sealed record Progression(long Modulus, long[] Residues)
{
    public static Progression All { get; } = new(1, [0]);

    public static Progression Empty { get; } = new(1, []);

    /// <summary>The largest member strictly below <paramref name="below"/>, or -1.</summary>
    public long Below(long below)
    {
        if (below <= 0 || Residues.Length == 0)
        {
            return -1;
        }

        var x = below - 1;
        var q = x / Modulus;
        var r = x % Modulus;
        var k = Array.BinarySearch(Residues, r);
        if (k >= 0)
        {
            return x;
        }

        k = ~k - 1; // largest residue < r
        if (k >= 0)
        {
            return q * Modulus + Residues[k];
        }

        return q == 0 ? -1 : (q - 1) * Modulus + Residues[^1];
    }

    /// <summary>How many members lie in [lo, hi).</summary>
    public long CountIn(long lo, long hi)
    {
        long Upto(long n) // members in [0, n)
        {
            if (n <= 0)
            {
                return 0;
            }

            var full = n / Modulus * Residues.Length;
            var rest = n % Modulus;
            foreach (var res in Residues)
            {
                if (res < rest)
                {
                    full++;
                }
            }

            return full;
        }
        return hi <= lo ? 0 : Upto(hi) - Upto(lo);
    }
}
