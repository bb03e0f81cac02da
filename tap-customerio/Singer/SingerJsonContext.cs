using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TapCustomerIo.Singer;

/// <summary>Source-generated serializers: the tap is trimmed and AOT-compiled, so nothing may need reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SingerJsonContext : JsonSerializerContext;
