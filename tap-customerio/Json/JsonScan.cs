using System.Buffers;
using System.Text.Json;

namespace TapCustomerIo.Json;

/// <summary>
/// Finds where a JSON value ends, checking the structure on the way (brackets, commas, colons, literals, escapes, numbers'
/// shape) but decoding nothing. Strings are skipped with a vectorised search for their quote, backslash or a control
/// character, which is what makes a response's first pass cheap: nearly all of a Customer.io body is string content.
/// </summary>
internal static class JsonScan
{
    /// <summary>The nesting a response may use (System.Text.Json's default limit).</summary>
    public const int MaxDepth = 64;

    // A string's content runs until its quote or an escape; a raw control character (a line break, say) is invalid JSON
    // and would split a Singer line, so it ends the run too and is refused.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, (byte)'"', (byte)'\\']);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>The index just after the value that starts at <paramref name="i"/> (no whitespace before it).</summary>
    public static int SkipValue(ReadOnlySpan<byte> json, int i, int depth = 0)
    {
        if (i >= json.Length)
        {
            throw CutShort();
        }

        return json[i] switch
        {
            (byte)'"' => SkipString(json, i),
            (byte)'{' => SkipObject(json, i, depth + 1),
            (byte)'[' => SkipArray(json, i, depth + 1),
            (byte)'t' => SkipLiteral(json, i, "true"u8),
            (byte)'f' => SkipLiteral(json, i, "false"u8),
            (byte)'n' => SkipLiteral(json, i, "null"u8),
            _ => SkipNumber(json, i),
        };
    }

    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);

    /// <summary>
    /// The index just after the value at <paramref name="i"/> in a text already checked (a <see cref="RawDocument"/>):
    /// nothing is validated again, strings end at their first unescaped quote and containers at their matching bracket,
    /// both found by vectorised searches.
    /// </summary>
    public static int Skip(ReadOnlySpan<byte> json, int i)
    {
        switch (json[i])
        {
            case (byte)'"':
                return SkipCheckedString(json, i);
            case (byte)'{' or (byte)'[':
                var depth = 0;
                while (true)
                {
                    i += json[i..].IndexOfAny(Structure);
                    switch (json[i])
                    {
                        case (byte)'"':
                            i = SkipCheckedString(json, i);
                            continue;
                        case (byte)'{' or (byte)'[':
                            depth++;
                            break;
                        default:
                            depth--;
                            break;
                    }

                    i++;
                    if (depth == 0)
                    {
                        return i;
                    }
                }

            default:
                // A number or a literal: a few bytes, scanned faster one by one than by a vectorised search.
                while (i < json.Length && json[i] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                {
                    i++;
                }

                return i;
        }
    }

    /// <summary>The index after a checked string: its first quote not escaped (preceded by an even run of backslashes).</summary>
    public static int SkipCheckedString(ReadOnlySpan<byte> json, int i)
    {
        var stop = Math.Min(json.Length, i + 17);
        for (var k = i + 1; k < stop; k++)
        {
            if (json[k] == '"' && json[k - 1] != '\\')
            {
                return k + 1;
            }

            if (json[k] == '\\')
            {
                break; // escapes: the counting below
            }
        }

        i++;
        while (true)
        {
            i += json[i..].IndexOf((byte)'"');
            var before = i - 1;
            while (json[before] == '\\')
            {
                before--;
            }

            if ((i - 1 - before) % 2 == 0)
            {
                return i + 1;
            }

            i++;
        }
    }

    /// <summary>
    /// <see cref="SkipValue"/> for a whole body, noting in <paramref name="index"/> the root object's properties and
    /// where each item of the arrays directly inside it begins and ends, so a response's list is split, and its
    /// <c>next</c> found, without reading the body again.
    /// </summary>
    public static int SkipEnvelope(ReadOnlySpan<byte> json, int i, EnvelopeIndex index) =>
        i < json.Length && json[i] == '{' ? SkipObject(json, i, 1, index) : SkipValue(json, i);

    /// <summary>The index just after the string whose opening quote is at <paramref name="i"/>.</summary>
    public static int SkipString(ReadOnlySpan<byte> json, int i) => SkipStringContent(json, i + 1);

    /// <summary>
    /// The index just after the string whose content continues at <paramref name="i"/>. Most strings are short (ids,
    /// names, types), and text sent with <c>\u</c> escapes has one every few bytes: a vectorised search, whose set-up
    /// would cost more than such a run, is used only once 16 bytes in a row, looked at one by one, hold no quote,
    /// backslash or control character. So a body of HTML, with a <c>\n</c> every line and long text between, still
    /// goes through the vectorised search after each escape.
    /// </summary>
    private static int SkipStringContent(ReadOnlySpan<byte> json, int i)
    {
        while (true)
        {
            var stop = Math.Min(json.Length, i + 16);
            while (i < stop && !IsStringStop[json[i]])
            {
                i++;
            }

            if (i == stop)
            {
                var run = i < json.Length ? json[i..].IndexOfAny(StringStops) : -1;
                if (run < 0)
                {
                    throw CutShort();
                }

                i += run;
            }

            var b = json[i];
            if (b == '"')
            {
                return i + 1;
            }

            if (b != '\\')
            {
                throw Invalid(i, "a control character inside a string");
            }

            i = SkipEscape(json, i);
        }
    }

    /// <summary><see cref="StringStops"/> as a table, for the byte-by-byte steps.</summary>
    private static readonly bool[] IsStringStop = CreateTable(b => b < 0x20 || b == '"' || b == '\\');

    /// <summary>The bytes that make a two-byte escape after a backslash.</summary>
    private static readonly bool[] IsShortEscape = CreateTable(b => b is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t');

    private static readonly bool[] IsHexDigit = CreateTable(b => char.IsAsciiHexDigit((char)b));

    private static bool[] CreateTable(Func<byte, bool> member)
    {
        var table = new bool[256];
        for (var b = 0; b < 256; b++)
        {
            table[b] = member((byte)b);
        }

        return table;
    }

    private static int SkipEscape(ReadOnlySpan<byte> json, int i)
    {
        if (i + 1 >= json.Length)
        {
            throw CutShort();
        }

        var kind = json[i + 1];
        if (IsShortEscape[kind])
        {
            return i + 2;
        }

        if (kind != 'u')
        {
            throw Invalid(i, "an unknown escape");
        }

        if (i + 6 > json.Length)
        {
            throw CutShort();
        }

        return IsHexDigit[json[i + 2]] & IsHexDigit[json[i + 3]] & IsHexDigit[json[i + 4]] & IsHexDigit[json[i + 5]]
            ? i + 6
            : throw Invalid(i, "a \\u escape without four hex digits");
    }

    /// <param name="index">Set for the root object of a body: its properties and lists are noted.</param>
    /// <param name="record">Set for an item of such a list: its properties are noted, so a record is never scanned again.</param>
    private static int SkipObject(ReadOnlySpan<byte> json, int i, int depth, EnvelopeIndex? index = null, EnvelopeIndex? record = null)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(i, "nesting deeper than " + MaxDepth);
        }

        i = SkipWhitespace(json, i + 1);
        if (i < json.Length && json[i] == '}')
        {
            return i + 1;
        }

        while (true)
        {
            if (i >= json.Length)
            {
                throw CutShort();
            }

            if (json[i] != '"')
            {
                throw Invalid(i, "a property name that is not a string");
            }

            var nameStart = i;
            var nameEnd = SkipString(json, i);
            var valueStart = SkipWhitespace(json, Expect(json, SkipWhitespace(json, nameEnd), (byte)':'));
            int valueEnd;
            if (index is null)
            {
                valueEnd = SkipValue(json, valueStart, depth);
                record?.AddMember(nameStart, nameEnd, valueStart, valueEnd);
            }
            else
            {
                valueEnd = valueStart < json.Length && json[valueStart] == '['
                    ? SkipArray(json, valueStart, depth + 1, index)
                    : SkipValue(json, valueStart, depth);
                index.Members.Add((nameStart, nameEnd, valueStart, valueEnd));
            }

            i = SkipWhitespace(json, valueEnd);
            if (i >= json.Length)
            {
                throw CutShort();
            }

            if (json[i] == '}')
            {
                return i + 1;
            }

            i = SkipWhitespace(json, Expect(json, i, (byte)','));
        }
    }

    private static int SkipArray(ReadOnlySpan<byte> json, int i, int depth, EnvelopeIndex? index = null)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(i, "nesting deeper than " + MaxDepth);
        }

        index?.Arrays.Add((i, index.ItemCount));
        i = SkipWhitespace(json, i + 1);
        if (i < json.Length && json[i] == ']')
        {
            return i + 1;
        }

        while (true)
        {
            var start = i;
            if (index is null)
            {
                i = SkipValue(json, i, depth);
            }
            else if (i < json.Length && json[i] == '{')
            {
                var first = index.MemberCount;
                i = SkipObject(json, i, depth + 1, record: index);
                index.AddItem(start, i, first, index.MemberCount - first);
            }
            else
            {
                i = SkipValue(json, i, depth);
                index.AddItem(start, i, -1, 0);
            }

            i = SkipWhitespace(json, i);
            if (i >= json.Length)
            {
                throw CutShort();
            }

            if (json[i] == ']')
            {
                return i + 1;
            }

            i = SkipWhitespace(json, Expect(json, i, (byte)','));
        }
    }

    private static int SkipLiteral(ReadOnlySpan<byte> json, int i, ReadOnlySpan<byte> literal)
    {
        if (json.Length - i < literal.Length)
        {
            throw json[i..].SequenceEqual(literal[..(json.Length - i)]) ? CutShort() : Invalid(i, "an unknown literal");
        }

        return json.Slice(i, literal.Length).SequenceEqual(literal) ? i + literal.Length : throw Invalid(i, "an unknown literal");
    }

    /// <summary>-?digits(.digits)?([eE][+-]?digits)?, as JSON writes numbers.</summary>
    private static int SkipNumber(ReadOnlySpan<byte> json, int i)
    {
        var start = i;
        if (json[i] == '-')
        {
            i++;
        }

        i = Digits(json, i, start);
        if (i < json.Length && json[i] == '.')
        {
            i = Digits(json, i + 1, start);
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            i = Digits(json, i, start);
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i, int start)
    {
        var first = i;
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        if (i == first)
        {
            throw i >= json.Length ? CutShort() : Invalid(start, "a value that is not JSON");
        }

        return i;
    }

    private static int Expect(ReadOnlySpan<byte> json, int i, byte expected)
    {
        if (i >= json.Length)
        {
            throw CutShort();
        }

        return json[i] == expected ? i + 1 : throw Invalid(i, $"'{(char)json[i]}' where '{(char)expected}' belongs");
    }

    private static JsonException CutShort() => new("the JSON text ends before its last value does");

    private static JsonException Invalid(int at, string what) => new($"invalid JSON at byte {at}: {what}");
}

/// <summary>
/// What <see cref="JsonScan.SkipEnvelope"/> notes of a body: its root object's properties, its lists' items and each
/// item's properties (where its name and value start and end), the index JsonDocument would build, for the two levels
/// a record has. The tables are rented and given back by <see cref="Release"/>, so pages leave no large arrays behind.
/// </summary>
internal sealed class EnvelopeIndex
{
    // Its own pool, for the reason RawDocument has one: the shared pool keeps arrays per thread and per core, and a run
    // whose pages are read on a dozen threads would keep a table for each.
    private static readonly BoundedArrayPool<int> Pool = new(retainedBytes: 2 * 1024 * 1024);

    private int[] _items = [];   // start, end, first member, member count (-1, 0 for an item that is not an object)
    private int[] _members = []; // name start, name end, value start, value end

    public int ItemCount { get; private set; }

    public int MemberCount { get; private set; }

    /// <summary>Each array directly in the root object: where it starts and the index of its first item.</summary>
    public List<(int Start, int First)> Arrays { get; } = [];

    public List<(int NameStart, int NameEnd, int ValueStart, int ValueEnd)> Members { get; } = [];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public (int Start, int End, int FirstMember, int MemberCount) Item(int item) =>
        (_items[4 * item], _items[4 * item + 1], _items[4 * item + 2], _items[4 * item + 3]);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public (int NameStart, int NameEnd, int ValueStart, int ValueEnd) Member(int member) =>
        (_members[4 * member], _members[4 * member + 1], _members[4 * member + 2], _members[4 * member + 3]);

    public void AddItem(int start, int end, int firstMember, int memberCount)
    {
        Reserve(ref _items, 4 * ItemCount + 4);
        Set(_items, ItemCount++, start, end, firstMember, memberCount);
    }

    public void AddMember(int nameStart, int nameEnd, int valueStart, int valueEnd)
    {
        Reserve(ref _members, 4 * MemberCount + 4);
        Set(_members, MemberCount++, nameStart, nameEnd, valueStart, valueEnd);
    }

    public void Release()
    {
        Return(ref _items);
        Return(ref _members);
    }

    private static void Set(int[] table, int row, int a, int b, int c, int d)
    {
        table[4 * row] = a;
        table[4 * row + 1] = b;
        table[4 * row + 2] = c;
        table[4 * row + 3] = d;
    }

    private static void Reserve(ref int[] table, int length)
    {
        if (length > table.Length)
        {
            var larger = Pool.Rent(Math.Max(4096, table.Length * 2));
            table.AsSpan().CopyTo(larger);
            Return(ref table);
            table = larger;
        }
    }

    private static void Return(ref int[] table)
    {
        if (table.Length > 0)
        {
            Pool.Return(table);
            table = [];
        }
    }
}
