namespace FakeCustomerIo.Data;

/// <summary>
/// A seeded bijection on [0, n): x ↦ (a·x + b) mod n with gcd(a, n) = 1. Used to assign deliveries and activities
/// to people so that "all deliveries of person p" is one residue class (computable without a scan).
/// </summary>
internal sealed class AffinePermutation
{
    private readonly long _n, _a, _b, _aInverse;

    public AffinePermutation(long n, ulong seed)
    {
        _n = Math.Max(1, n);
        var a = (long)(seed % (ulong)_n) | 1;
        while (Gcd(a, _n) != 1)
        {
            a++;
        }

        _a = a % _n == 0 ? 1 : a % _n;
        _b = (long)(Hash.Mix(seed) % (ulong)_n);
        _aInverse = ModInverse(_a, _n);
    }

    public long Apply(long x) => _n < 3_000_000_000 ? (_a * (x % _n) + _b) % _n : (long)(((Int128)_a * (x % _n) + _b) % _n);

    public long Invert(long y) => (long)((Int128)_aInverse * (((y - _b) % _n + _n) % _n) % _n);

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static long ModInverse(long a, long n)
    {
        if (n == 1)
        {
            return 0;
        }

        long t = 0, newT = 1, r = n, newR = a;
        while (newR != 0)
        {
            var q = r / newR;
            (t, newT) = (newT, t - q * newT);
            (r, newR) = (newR, r - q * newR);
        }
        return t < 0 ? t + n : t;
    }
}
