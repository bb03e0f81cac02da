using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeCustomerIo.Http;

/// <summary>Serialisation of the materialised records: snake_case names, nulls written (the API sends them).</summary>
internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions Records = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <c>"name": [items…]</c> with the record serialiser.</summary>
    public static void WriteList<T>(Utf8JsonWriter w, string name, IEnumerable<T> items)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, items, Records);
    }

    public static void WriteValue<T>(Utf8JsonWriter w, string name, T value)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, Records);
    }
}
