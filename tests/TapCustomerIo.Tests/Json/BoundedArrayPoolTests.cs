using TapCustomerIo.Json;

namespace TapCustomerIo.Tests.Json;

/// <summary>The pool of bodies and indexes: reuse within a total, the latest returned kept, the rest left to the GC.</summary>
public sealed class BoundedArrayPoolTests
{
    [Fact]
    public void Rents_powers_of_two_and_hands_back_what_was_returned()
    {
        var pool = new BoundedArrayPool<byte>(retainedBytes: 1 << 20);
        var first = pool.Rent(100_000);
        Assert.Equal(131_072, first.Length);
        Assert.Equal(4096, pool.Rent(1).Length);
        pool.Return(first);
        Assert.Same(first, pool.Rent(70_000));
        Assert.NotSame(first, pool.Rent(70_000)); // rented again: not handed out twice
    }

    [Fact]
    public void Keeps_no_more_than_its_total_dropping_the_largest_kept_for_the_latest_returned()
    {
        var pool = new BoundedArrayPool<int>(retainedBytes: 1 << 20); // 262,144 ints
        var large = pool.Rent(131_072);  // 512 KB
        var medium = pool.Rent(65_536);  // 256 KB
        var small = pool.Rent(32_768);   // 128 KB
        var other = pool.Rent(131_072);  // 512 KB
        pool.Return(large);
        pool.Return(medium);
        pool.Return(small);
        pool.Return(other); // 1.375 MB would be kept: the other 512 KB array goes to make room

        Assert.Same(other, pool.Rent(131_072));
        Assert.NotSame(large, pool.Rent(131_072));
        Assert.Same(medium, pool.Rent(65_536));
        Assert.Same(small, pool.Rent(32_768));
    }

    [Fact]
    public void Never_keeps_an_array_larger_than_its_total_or_one_it_did_not_size()
    {
        var pool = new BoundedArrayPool<byte>(retainedBytes: 64 * 1024);
        var huge = pool.Rent(100_000);
        pool.Return(huge);
        Assert.NotSame(huge, pool.Rent(100_000));

        var odd = new byte[5000];
        pool.Return(odd);
        Assert.NotSame(odd, pool.Rent(5000));
    }
}
