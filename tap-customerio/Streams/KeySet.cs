using TapCustomerIo.Json;

namespace TapCustomerIo.Streams;

/// <summary>
/// A set of record keys kept as the key values' JSON text, one byte buffer for the whole set: a page of 30,000 segment
/// members costs about a megabyte here where a set of strings cost three, and no string is made per record.
/// Keys compare as they arrived (the same id sent once as a number and once as a string would differ).
/// </summary>
internal sealed class KeySet
{
    private const int Probe = -1;

    private readonly IReadOnlyList<string> _keys;
    private readonly List<(int Start, int Length)> _spans = [];
    private readonly HashSet<int> _set;
    private byte[] _bytes = new byte[4096];
    private int _used;
    private (int Start, int Length) _probe;

    public KeySet(IReadOnlyList<string> keys)
    {
        _keys = keys;
        _set = new HashSet<int>(new SpanComparer(this));
    }

    public bool Contains(RawValue record)
    {
        SetProbe(record);
        return _set.Contains(Probe);
    }

    /// <summary>Adds the record's key; false when it was already there.</summary>
    public bool Add(RawValue record)
    {
        SetProbe(record);
        if (_set.Contains(Probe))
        {
            return false;
        }

        _spans.Add(_probe);
        _used += _probe.Length;
        _set.Add(_spans.Count - 1);
        return true;
    }

    public void Clear()
    {
        _set.Clear();
        _spans.Clear();
        _used = 0;
    }

    /// <summary>Writes the record's key after the stored ones, without storing it yet.</summary>
    private void SetProbe(RawValue record)
    {
        var length = 0;
        for (var k = 0; k < _keys.Count; k++)
        {
            var raw = record.TryGetProperty(_keys[k], out var value) ? value.Raw : default;
            Reserve(length + raw.Length + 1);
            raw.CopyTo(_bytes.AsSpan(_used + length));
            length += raw.Length;
            _bytes[_used + length++] = 0x1f; // unit separator: JSON text never holds it raw
        }

        _probe = (_used, length);
    }

    private void Reserve(int length)
    {
        if (_bytes.Length < _used + length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + length));
        }
    }

    private ReadOnlySpan<byte> Key(int index)
    {
        var (start, length) = index == Probe ? _probe : _spans[index];
        return _bytes.AsSpan(start, length);
    }

    private sealed class SpanComparer(KeySet set) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => set.Key(x).SequenceEqual(set.Key(y));

        public int GetHashCode(int index)
        {
            var hash = default(HashCode);
            hash.AddBytes(set.Key(index));
            return hash.ToHashCode();
        }
    }
}
