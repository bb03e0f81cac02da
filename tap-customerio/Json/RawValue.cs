using System.Buffers.Text;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace TapCustomerIo.Json;

/// <summary>
/// One JSON value inside a <see cref="RawDocument"/>: its kind, its bytes as they arrived, and JsonElement's read
/// operations (properties, items, strings, numbers), each a scan of those bytes. The default value is undefined.
/// </summary>
internal readonly struct RawValue
{
    private readonly RawDocument? _document;
    private readonly byte[]? _buffer; // the document's, held here so that reading a value is one array access
    private readonly int _start;
    private readonly int _end;
    private readonly int _firstMember; // a record of a checked list: its properties' row in the document's index
    private readonly int _members = -1; // how many; -1: not noted, found by scanning

    internal RawValue(RawDocument document, int start, int end, int firstMember = 0, int members = -1)
    {
        _document = document;
        _buffer = document.Buffer;
        _start = start;
        _end = end;
        _firstMember = firstMember;
        _members = firstMember < 0 ? -1 : members;
    }

    private RawValue(RawDocument? document, byte[]? buffer, int start, int end)
    {
        _document = document;
        _buffer = buffer;
        _start = start;
        _end = end;
    }

    /// <summary>Another value of the same document.</summary>
    private RawValue At(int start, int end) => new(_document, _buffer, start, end);

    internal bool Is(RawDocument document, int start) => ReferenceEquals(_document, document) && _start == start;

    /// <summary>The value's JSON text, escapes and all.</summary>
    public ReadOnlySpan<byte> Raw
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_buffer, _start, _end - _start);
    }

    public JsonValueKind ValueKind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Kind(_buffer, _start);
    }

    /// <summary>A value's kind from its first byte (the text was checked, so the byte says it all).</summary>
    private static readonly JsonValueKind[] Kinds = CreateKinds();

    private static JsonValueKind Kind(byte[]? buffer, int start) => buffer is null ? JsonValueKind.Undefined : Kinds[buffer[start]];

    private static JsonValueKind[] CreateKinds()
    {
        var kinds = new JsonValueKind[256];
        Array.Fill(kinds, JsonValueKind.Number);
        kinds['{'] = JsonValueKind.Object;
        kinds['['] = JsonValueKind.Array;
        kinds['"'] = JsonValueKind.String;
        kinds['t'] = JsonValueKind.True;
        kinds['f'] = JsonValueKind.False;
        kinds['n'] = JsonValueKind.Null;
        return kinds;
    }

    public bool TryGetProperty(string name, out RawValue value)
    {
        Span<byte> utf8 = stackalloc byte[256];
        return Encoding.UTF8.TryGetBytes(name, utf8, out var length)
            ? TryGetProperty(utf8[..length], out value)
            : TryGetProperty(Encoding.UTF8.GetBytes(name), out value);
    }

    /// <summary>The first property of an object named <paramref name="utf8Name"/>; false for any other kind of value.</summary>
    public bool TryGetProperty(ReadOnlySpan<byte> utf8Name, out RawValue value)
    {
        if (ValueKind == JsonValueKind.Object)
        {
            if (_document!.RootMember(this, utf8Name) is { } member) // also the check that the document is still there
            {
                value = member.Found ? member.Value : default;
                return member.Found;
            }

            if (_members >= 0)
            {
                var index = _document.Index;
                for (var m = _firstMember; m < _firstMember + _members; m++)
                {
                    var (nameStart, nameEnd, valueStart, valueEnd) = index.Member(m);
                    if (new RawProperty(At(nameStart, nameEnd), default).NameEquals(utf8Name))
                    {
                        value = At(valueStart, valueEnd);
                        return true;
                    }
                }

                value = default;
                return false;
            }

            foreach (var property in EnumerateObject())
            {
                if (property.NameEquals(utf8Name))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    public RawValue GetProperty(string name) =>
        TryGetProperty(name, out var value) ? value : throw new KeyNotFoundException($"no property '{name}'");

    public long GetInt64() => TryGetInt64(out var number) ? number : throw new FormatException($"{GetRawText()} is not a 64-bit integer");

    public ObjectEnumerator EnumerateObject() => ValueKind == JsonValueKind.Object && _document!.Buffer is not null
        ? new ObjectEnumerator(this)
        : throw new InvalidOperationException($"a {ValueKind} has no properties");

    public ArrayEnumerator EnumerateArray() => ValueKind == JsonValueKind.Array && _document!.Buffer is not null
        ? new ArrayEnumerator(this)
        : throw new InvalidOperationException($"a {ValueKind} has no items");

    public int GetArrayLength()
    {
        var count = 0;
        foreach (var _ in EnumerateArray())
        {
            count++;
        }

        return count;
    }

    /// <summary>A string's text (escapes decoded), null for null; any other kind throws, as JsonElement does.</summary>
    public string? GetString() => ValueKind switch
    {
        JsonValueKind.String => Unescape(Raw),
        JsonValueKind.Null => null,
        _ => throw new InvalidOperationException($"a {ValueKind} is not a string"),
    };

    public bool TryGetInt64(out long number)
    {
        number = 0;
        return ValueKind == JsonValueKind.Number && Utf8Parser.TryParse(Raw, out number, out var used) && used == Raw.Length;
    }

    public bool TryGetDouble(out double number)
    {
        number = 0;
        return ValueKind == JsonValueKind.Number && Utf8Parser.TryParse(Raw, out number, out var used) && used == Raw.Length;
    }

    public string GetRawText() => Encoding.UTF8.GetString(Raw);

    /// <summary>As JsonElement: a string's text, the JSON text of anything else, "" when undefined.</summary>
    public override string ToString() => ValueKind switch
    {
        JsonValueKind.String => GetString()!,
        JsonValueKind.Undefined => "",
        _ => GetRawText(),
    };

    /// <summary>Writes the value as it arrived; a value spread over several lines is written again on one.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        var raw = Raw;
        if (raw.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
        }
        else
        {
            using var document = JsonDocument.Parse(raw.ToArray());
            document.RootElement.WriteTo(writer);
        }
    }

    /// <summary>Decodes a JSON string's text (quotes included in <paramref name="quoted"/>).</summary>
    internal static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var inner = quoted[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(inner);
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>The properties of an object, in order, found one at a time.</summary>
    public struct ObjectEnumerator : IEnumerable<RawProperty>, IEnumerator<RawProperty>
    {
        private readonly RawValue _object;
        private int _next;

        internal ObjectEnumerator(RawValue value)
        {
            _object = value;
            _next = value._members >= 0 ? value._firstMember : value._start + 1;
            Current = default;
        }

        public RawProperty Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_object._members >= 0)
            {
                // A record of a checked list: its properties were noted by the check.
                if (_next >= _object._firstMember + _object._members)
                {
                    return false;
                }

                var noted = _object._document!.Index.Member(_next++);
                Current = new RawProperty(_object.At(noted.NameStart, noted.NameEnd), _object.At(noted.ValueStart, noted.ValueEnd));
                return true;
            }

            var json = new ReadOnlySpan<byte>(_object._buffer, 0, _object._end);
            var i = JsonScan.SkipWhitespace(json, _next);
            if (json[i] == '}')
            {
                _next = i;
                return false;
            }

            var nameEnd = JsonScan.SkipCheckedString(json, i);
            var valueStart = JsonScan.SkipWhitespace(json, JsonScan.SkipWhitespace(json, nameEnd) + 1); // past the colon
            var valueEnd = JsonScan.Skip(json, valueStart);
            Current = new RawProperty(_object.At(i, nameEnd), _object.At(valueStart, valueEnd));
            i = JsonScan.SkipWhitespace(json, valueEnd);
            _next = json[i] == ',' ? i + 1 : i;
            return true;
        }

        public readonly ObjectEnumerator GetEnumerator() => this;

        readonly IEnumerator<RawProperty> IEnumerable<RawProperty>.GetEnumerator() => this;

        readonly IEnumerator IEnumerable.GetEnumerator() => this;

        public void Reset() => this = new ObjectEnumerator(_object);

        public readonly void Dispose()
        {
        }
    }

    /// <summary>The items of an array, in order, found one at a time.</summary>
    public struct ArrayEnumerator : IEnumerable<RawValue>, IEnumerator<RawValue>
    {
        private readonly RawValue _array;
        private int _next;

        internal ArrayEnumerator(RawValue value)
        {
            _array = value;
            _next = value._start + 1;
            Current = default;
        }

        public RawValue Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            var json = new ReadOnlySpan<byte>(_array._buffer, 0, _array._end);
            var i = JsonScan.SkipWhitespace(json, _next);
            if (json[i] == ']')
            {
                _next = i;
                return false;
            }

            var end = JsonScan.Skip(json, i);
            Current = _array.At(i, end);
            i = JsonScan.SkipWhitespace(json, end);
            _next = json[i] == ',' ? i + 1 : i;
            return true;
        }

        public readonly ArrayEnumerator GetEnumerator() => this;

        readonly IEnumerator<RawValue> IEnumerable<RawValue>.GetEnumerator() => this;

        readonly IEnumerator IEnumerable.GetEnumerator() => this;

        public void Reset() => this = new ArrayEnumerator(_array);

        public readonly void Dispose()
        {
        }
    }
}

/// <summary>One property of an object: its name as it arrived (quoted, escapes kept) and its value.</summary>
internal readonly record struct RawProperty(RawValue QuotedName, RawValue Value)
{
    /// <summary>The name's UTF-8 between the quotes, escapes kept.</summary>
    public ReadOnlySpan<byte> RawName
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => QuotedName.Raw[1..^1];
    }

    public bool NameIsEscaped => RawName.IndexOf((byte)'\\') >= 0;

    public string Name => RawValue.Unescape(QuotedName.Raw);

    /// <summary>
    /// An escape is never shorter than what it stands for, so a name of the same length matches only byte for byte, and
    /// only a longer one holding a backslash is decoded: a mismatch (nearly every name compared) costs one comparison.
    /// </summary>
    public bool NameEquals(ReadOnlySpan<byte> utf8)
    {
        var raw = RawName;
        return raw.Length == utf8.Length
            ? raw.SequenceEqual(utf8)
            : raw.Length > utf8.Length && raw.Contains((byte)'\\') && Encoding.UTF8.GetBytes(Name).AsSpan().SequenceEqual(utf8);
    }

    /// <summary>Writes the property as it arrived: its name, then its value.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (NameIsEscaped)
        {
            writer.WritePropertyName(Name);
        }
        else
        {
            writer.WritePropertyName(RawName);
        }

        Value.WriteTo(writer);
    }

    public bool NameEquals(string name)
    {
        Span<byte> utf8 = stackalloc byte[256];
        return Encoding.UTF8.TryGetBytes(name, utf8, out var length) ? NameEquals(utf8[..length]) : Name == name;
    }
}
