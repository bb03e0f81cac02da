using System.Globalization;
using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams;

/// <summary>Reads a replication key from a raw API record: Unix seconds, a string of digits, or RFC 3339 text.</summary>
internal static class ReplicationValue
{
    public static long? UnixSeconds(RawValue record, string key) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(key, out var value) ? Seconds(value) : null;

    /// <summary>The same with the key's name already in UTF-8 (a stream's replication key, encoded once).</summary>
    public static long? UnixSeconds(RawValue record, ReadOnlySpan<byte> key) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(key, out var value) ? Seconds(value) : null;

    private static long? Seconds(RawValue value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var seconds) => seconds,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) => seconds,
        JsonValueKind.String when Rfc3339.TryParse(value.GetString(), out var time) => time.ToUnixTimeSeconds(),
        _ => null,
    };
}
