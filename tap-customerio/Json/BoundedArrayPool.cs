using System.Numerics;

namespace TapCustomerIo.Json;

/// <summary>
/// Arrays for response bodies and their indexes, kept for reuse up to a total size, the most recently returned first.
/// <see cref="System.Buffers.ArrayPool{T}"/> bounds each size class on its own (eight arrays of every power of two, or
/// per thread and core for the shared pool), so a run that once had several 4 MB segment pages in flight kept them,
/// and every smaller class too, to the end. Here what is kept is capped as a whole, and what does not fit goes back to
/// the GC. Arrays are handed out uninitialised: a body or a table is written before it is read.
/// </summary>
internal sealed class BoundedArrayPool<T>(long retainedBytes)
{
    private const int MinLength = 4096;

    private readonly Lock _lock = new();
    private readonly Stack<T[]>[] _classes = [.. Enumerable.Range(0, 32).Select(_ => new Stack<T[]>())];
    private long _retained;

    /// <summary>An array of at least <paramref name="length"/> items (a power of two, at least 4,096).</summary>
    public T[] Rent(int length)
    {
        var size = (int)Math.Min(Array.MaxLength, BitOperations.RoundUpToPowerOf2((uint)Math.Max(length, MinLength)));
        var kept = _classes[BitOperations.Log2((uint)size)];
        lock (_lock)
        {
            if (kept.TryPop(out var array))
            {
                _retained -= Bytes(array);
                return array;
            }
        }

        return GC.AllocateUninitializedArray<T>(size);
    }

    public void Return(T[] array)
    {
        if (array.Length < MinLength || !BitOperations.IsPow2(array.Length))
        {
            return;
        }

        var bytes = Bytes(array);
        if (bytes > retainedBytes)
        {
            return;
        }

        lock (_lock)
        {
            // The array just returned is the likeliest to be asked for again (the next page of the same list):
            // room is made for it by dropping kept arrays, largest first.
            for (var c = _classes.Length - 1; c >= 0 && _retained + bytes > retainedBytes; c--)
            {
                while (_retained + bytes > retainedBytes && _classes[c].TryPop(out var dropped))
                {
                    _retained -= Bytes(dropped);
                }
            }

            _classes[BitOperations.Log2((uint)array.Length)].Push(array);
            _retained += bytes;
        }
    }

    private static long Bytes(T[] array) => (long)array.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
}
