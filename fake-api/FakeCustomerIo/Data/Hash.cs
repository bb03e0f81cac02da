namespace FakeCustomerIo.Data;

/// <summary>
/// Stateless, seedable hashing (SplitMix64 finaliser). Every generated value is a pure function of
/// (seed, salt, index…), which is what lets the big collections be computed on demand instead of stored.
/// </summary>
internal static class Hash
{
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(long seed, Salt salt, long a) =>
        Mix(Mix((ulong)seed ^ ((ulong)salt << 40)) ^ (ulong)a);

    public static ulong Of(long seed, Salt salt, long a, long b) => Mix(Of(seed, salt, a) ^ Mix((ulong)b));

    public static ulong Of(long seed, Salt salt, long a, long b, long c) => Mix(Of(seed, salt, a, b) ^ Mix(~(ulong)c));

    /// <summary>FNV-1a over the UTF-16 code units, then mixed: stable across processes (unlike string.GetHashCode).</summary>
    public static ulong OfString(ulong start, string text)
    {
        var h = 0xCBF29CE484222325UL ^ start;
        foreach (var ch in text)
        {
            h = (h ^ ch) * 0x100000001B3UL;
        }

        return Mix(h);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    public static int Below(ulong h, int n) => (int)(h % (ulong)n);

    public static T Pick<T>(ulong h, IReadOnlyList<T> items) => items[Below(h, items.Count)];
}

/// <summary>Separates the hash streams of unrelated generators.</summary>
internal enum Salt : long
{
    Person = 1, PersonAttribute, PersonDevice, Delivery, DeliveryMetric, Activity, Membership, Suppression,
    Catalog, Advance, Metric, Object, Relationship, Fault, FaultKind, EmptyPage, Cursor, TriggerError,
}
