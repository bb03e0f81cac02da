using System.Buffers;
using System.Text.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>Builds records the API does not send as such (metric buckets, IP strings) as one parsed batch.</summary>
internal static class SyntheticRows
{
    public static RecordBatch Build(Action<Utf8JsonWriter> writeRows)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writeRows(writer);
            writer.WriteEndArray();
        }

        var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new RecordBatch(document.RootElement.EnumerateArray().ToArray(), document);
    }
}
