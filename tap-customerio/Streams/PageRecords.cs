using System.Buffers;
using System.Text.Json;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams;

/// <summary>The record-level rules a declaration can ask of the reader: checks, lifted identifiers, dropped repeats.</summary>
internal static class PageRecords
{
    public static void RequireObjects(IReadOnlyList<RawValue> records, StreamDefinition stream, Http.ApiRequest request)
    {
        foreach (var record in records)
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw new TapException(
                    $"stream '{stream.Name}': {request} answered a '{stream.RecordsKey}' list holding a {record.ValueKind}, not objects; " +
                    "the sync stopped here rather than drop it. Report this with the tap's version.");
            }
        }
    }

    /// <summary>
    /// Lifts the properties of nested objects to the top level (kept there too): relationship identifiers. The records
    /// are written again as they arrived, with the lifted properties after their own.
    /// </summary>
    public static IReadOnlyList<RawValue> Lift(IReadOnlyList<RawValue> records, IReadOnlyList<string> nested)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Sum(r => r.Raw.Length) * 2 + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var record in records)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                writer.WriteStartObject();
                foreach (var property in record.EnumerateObject())
                {
                    names.Add(property.Name);
                    property.WriteTo(writer);
                }

                foreach (var name in nested)
                {
                    if (record.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in inner.EnumerateObject())
                        {
                            if (names.Add(property.Name))
                            {
                                property.WriteTo(writer);
                            }
                        }
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return [.. RawDocument.Parse(buffer.WrittenSpan.ToArray()).Root.EnumerateArray()];
    }

    /// <summary>Drops the records whose key is in <paramref name="seen"/> or earlier on the page, and adds the rest's keys to it.</summary>
    public static IReadOnlyList<RawValue> Unseen(IReadOnlyList<RawValue> records, IReadOnlyList<string> keys, HashSet<string> seen)
    {
        var kept = new List<RawValue>(records.Count);
        lock (seen)
        {
            foreach (var record in records)
            {
                if (seen.Add(Key(record, keys)))
                {
                    kept.Add(record);
                }
            }
        }

        return kept;
    }

    /// <summary>Drops the records whose key was on the previous page (<paramref name="previous"/>), then makes it this page's keys.</summary>
    public static IReadOnlyList<RawValue> NotOnPreviousPage(IReadOnlyList<RawValue> records, ref KeySet previous, ref KeySet current)
    {
        current.Clear();
        List<int>? dropped = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (previous.Contains(record) || !current.Add(record))
            {
                (dropped ??= []).Add(i);
            }
        }

        (previous, current) = (current, previous);
        // Usually one record is dropped (the pages overlap by one): the page is not copied for it.
        return dropped is null ? records : new RecordsExcept(records, dropped);
    }

    /// <summary>A record's key as one string (several properties joined by a unit separator).</summary>
    public static string Key(RawValue record, IReadOnlyList<string> keys) =>
        keys.Count == 1
            ? (record.TryGetProperty(keys[0], out var only) ? only.ToString() : "")
            : string.Join('\u001f', keys.Select(k => record.TryGetProperty(k, out var v) ? v.ToString() : ""));

    /// <summary>A page without the records at some positions (ascending), as a view.</summary>
    private sealed class RecordsExcept(IReadOnlyList<RawValue> records, List<int> dropped) : IReadOnlyList<RawValue>
    {
        public int Count => records.Count - dropped.Count;

        public RawValue this[int index]
        {
            get
            {
                var position = index;
                foreach (var skipped in dropped)
                {
                    if (skipped <= position)
                    {
                        position++;
                    }
                }

                return records[position];
            }
        }

        public IEnumerator<RawValue> GetEnumerator()
        {
            var next = 0;
            for (var i = 0; i < records.Count; i++)
            {
                if (next < dropped.Count && dropped[next] == i)
                {
                    next++;
                    continue;
                }

                yield return records[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
