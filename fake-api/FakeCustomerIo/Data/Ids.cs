namespace FakeCustomerIo.Data;

/// <summary>Formats unique, realistic-looking ids into caller-provided spans (no allocation on the hot path).</summary>
internal static class Ids
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int DeliveryIdLength = 32;
    public const int ActivityIdLength = 26;

    /// <summary>Delivery ids look like Customer.io's ("dgOq6wYAAQGZbzEn5H8VNsaXr9qzdAsO"): 32 base62 characters.</summary>
    public static void Delivery(long seed, long index, Span<char> into)
    {
        into[0] = 'd';
        into[1] = 'g';
        // Mix is a bijection on 64 bits, so the first 11 characters alone make the id unique.
        WriteBase62(Hash.Mix((ulong)index ^ (ulong)seed), into.Slice(2, 11));
        var tail = Hash.Of(seed, Salt.Delivery, index, 99);
        WriteBase62(tail, into.Slice(13, 11));
        WriteBase62(Hash.Mix(tail), into.Slice(24, 8));
    }

    /// <summary>ULID-like: 10 characters of millisecond time, then 16 of a bijective mix of the key.</summary>
    public static void Activity(long seed, long key, long unixSeconds, Span<char> into)
    {
        var ms = (ulong)unixSeconds * 1000UL + (Hash.Of(seed, Salt.Activity, key, 7) % 1000UL);
        for (var i = 9; i >= 0; i--, ms >>= 5)
        {
            into[i] = Crockford[(int)(ms & 31)];
        }

        var unique = Hash.Mix((ulong)key ^ (ulong)seed ^ 0xA5A5UL);
        for (var i = 22; i >= 10; i--, unique >>= 5)
        {
            into[i] = Crockford[(int)(unique & 31)];
        }

        var extra = Hash.Of(seed, Salt.Activity, key, 8);
        for (var i = 25; i >= 23; i--, extra >>= 5)
        {
            into[i] = Crockford[(int)(extra & 31)];
        }
    }

    public static string Delivery(long seed, long index)
    {
        Span<char> buf = stackalloc char[DeliveryIdLength];
        Delivery(seed, index, buf);
        return new string(buf);
    }

    public static string Activity(long seed, long key, long unixSeconds)
    {
        Span<char> buf = stackalloc char[ActivityIdLength];
        Activity(seed, key, unixSeconds, buf);
        return new string(buf);
    }

    public static string Hex(ulong value, int digits) => value.ToString("x16", null)[(16 - digits)..];

    private static void WriteBase62(ulong value, Span<char> into)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 62)
        {
            into[i] = Base62[(int)(value % 62)];
        }
    }
}
