using System.Buffers;
using System.Text.Json;

namespace TapCustomerIo.Json;

/// <summary>
/// A JSON text checked once and kept as its bytes: values are located on demand and copied out as they arrived, never
/// parsed into a tree. A response body lives in a buffer this class rents from its own pool and returns on
/// <see cref="Dispose"/>; a value read after that throws instead of seeing the next response's bytes.
/// </summary>
internal sealed class RawDocument : IDisposable
{
    /// <summary>
    /// The tap's own pool, not <see cref="ArrayPool{T}.Shared"/>: the shared pool keeps arrays per thread and per core,
    /// so a few multi-megabyte pages (a segment's membership) would stay resident for the whole run.
    /// </summary>
    private static readonly BoundedArrayPool<byte> Pool = new(retainedBytes: 4 * 1024 * 1024);

    private byte[]? _buffer;
    private readonly int _length;
    private readonly bool _pooled;
    private int _rootStart;
    private int _rootEnd;
    private readonly EnvelopeIndex _index = new();

    private RawDocument(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    internal EnvelopeIndex Index => _index;

    /// <summary>The body's size in bytes.</summary>
    public int Length => _length;

    public RawValue Root => new(this, _rootStart, _rootEnd);

    internal ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, _length);

    /// <summary>The body's buffer; reading it after <see cref="Dispose"/> throws.</summary>
    internal byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(RawDocument));

    /// <summary>Checks <paramref name="utf8"/> and keeps it (not copied): a JSON text the tap built or a test wrote.</summary>
    public static RawDocument Parse(byte[] utf8) => Check(new RawDocument(utf8, utf8.Length, pooled: false));

    public static RawDocument Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Reads a whole body into a pooled buffer, then checks it. <paramref name="length"/> is its size when the server
    /// gave one, or a guess (the last body of the same list): a buffer of the right size is never copied to grow.
    /// </summary>
    public static async Task<RawDocument> ReadAsync(Stream body, long? length, CancellationToken cancellation)
    {
        var buffer = Pool.Rent(length is > 0 and < int.MaxValue ? (int)length + 1 : 64 * 1024);
        var used = 0;
        try
        {
            while (true)
            {
                if (used == buffer.Length)
                {
                    var larger = Pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, used).CopyTo(larger);
                    Pool.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(used), cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                used += read;
            }

            return Check(new RawDocument(buffer, used, pooled: true));
        }
        catch
        {
            Pool.Return(buffer);
            throw;
        }
    }

    private static RawDocument Check(RawDocument document)
    {
        var json = document.Bytes;
        var start = JsonScan.SkipWhitespace(json, 0);
        if (start == json.Length)
        {
            throw new JsonException("the body is empty, not JSON");
        }

        var root = JsonScan.SkipEnvelope(json, start, document._index);
        var end = JsonScan.SkipWhitespace(json, root);
        if (end != json.Length)
        {
            throw new JsonException($"invalid JSON at byte {end}: text after the value");
        }

        (document._rootStart, document._rootEnd) = (start, root);
        return document;
    }

    /// <summary>
    /// Looks <paramref name="name"/> up among the root object's properties, which the check noted (an envelope's
    /// <c>next</c> often follows its list: finding it must not mean reading the list again); null for any other value.
    /// </summary>
    internal (bool Found, RawValue Value)? RootMember(RawValue value, ReadOnlySpan<byte> name)
    {
        if (!value.Is(this, _rootStart) || _index.Members.Count == 0)
        {
            return null;
        }

        foreach (var (nameStart, nameEnd, valueStart, valueEnd) in _index.Members)
        {
            var quoted = Bytes[nameStart..nameEnd];
            if (quoted[1..^1].SequenceEqual(name) || (quoted.IndexOf((byte)'\\') >= 0 && RawValue.Unescape(quoted) == System.Text.Encoding.UTF8.GetString(name)))
            {
                return (true, new RawValue(this, valueStart, valueEnd));
            }
        }

        return (false, default);
    }

    /// <summary>The items of <paramref name="array"/>, split when the body was checked if it sits directly in the root object.</summary>
    public IReadOnlyList<RawValue> Items(RawValue array)
    {
        for (var a = 0; a < _index.Arrays.Count; a++)
        {
            if (array.Is(this, _index.Arrays[a].Start))
            {
                var first = _index.Arrays[a].First;
                var last = a + 1 < _index.Arrays.Count ? _index.Arrays[a + 1].First : _index.ItemCount;
                return new ItemList(this, first, last - first);
            }
        }

        return [.. array.EnumerateArray()];
    }

    /// <summary>A list's items as the check found them: a view of the document's table, no array per page.</summary>
    private sealed class ItemList(RawDocument document, int first, int count) : IReadOnlyList<RawValue>
    {
        public int Count => count;

        public RawValue this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count);
                var (start, end, firstMember, members) = document._index.Item(first + index);
                return new RawValue(document, start, end, firstMember, members);
            }
        }

        public IEnumerator<RawValue> GetEnumerator()
        {
            for (var k = 0; k < count; k++)
            {
                yield return this[k];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            _index.Release();
            if (_pooled)
            {
                Pool.Return(buffer);
            }
        }
    }
}
