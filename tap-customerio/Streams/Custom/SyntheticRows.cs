using System.Buffers;
using System.Text.Json;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>Builds records the API does not send as such (metric buckets, IP strings) as one parsed batch.</summary>
internal static class SyntheticRows
{
    /// <param name="sizeHint">The expected size of the rows' JSON: a buffer grown by doubling leaves a trail of large
    /// arrays behind (people: about a page of garbage on the large-object heap per batch).</param>
    public static RecordBatch Build(Action<Utf8JsonWriter> writeRows, int sizeHint = 0)
    {
        var buffer = sizeHint > 0 ? new ArrayBufferWriter<byte>(sizeHint) : new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writeRows(writer);
            writer.WriteEndArray();
        }

        var document = RawDocument.Parse(buffer.WrittenSpan.ToArray());
        return new RecordBatch(document.Root.EnumerateArray().ToArray(), document);
    }
}
