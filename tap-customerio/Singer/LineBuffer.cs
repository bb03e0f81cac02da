using System.Buffers;
using System.Runtime.CompilerServices;

namespace TapCustomerIo.Singer;

/// <summary>
/// The bytes of the Singer lines not yet written to stdout. Records are put here as raw bytes (names, separators and
/// values copied as they arrived); SCHEMA and STATE come through a <see cref="System.Text.Json.Utf8JsonWriter"/>,
/// for which this is the buffer writer.
/// </summary>
internal sealed class LineBuffer(int capacity) : IBufferWriter<byte>
{
    private byte[] _bytes = new byte[capacity];
    private int _count;

    public int Count => _count;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _count);

    public void Clear() => _count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_bytes.Length - _count < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_bytes.AsSpan(_count));
        _count += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (_count == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[_count++] = value;
    }

    public void Advance(int count) => _count += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_bytes.Length - _count < Math.Max(sizeHint, 1))
        {
            Grow(Math.Max(sizeHint, 1));
        }

        return _bytes.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    private void Grow(int needed) => Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _count + needed));
}
