using System.Buffers.Binary;
using FakeCustomerIo.Data;
using FakeCustomerIo.Http;

namespace FakeCustomerIo.Paging;

/// <summary>
/// Opaque page tokens like the real API's: standard base64 of 16 bytes, so they always contain "+", "/" and "=" and
/// must be URL-encoded (an unencoded "+" arrives as a space and the token no longer decodes → 400). A token holds a
/// position (offset or raw index) and the checksum of the request's other parameters; a token that does not decode
/// or belongs to other parameters answers 400.
/// </summary>
internal static class Cursor
{
    // 0xFB 0xFF encode to "+/" at the start of every token.
    private const byte Magic0 = 0xFB, Magic1 = 0xFF, Version = 1;

    public static string Encode(long position, uint fingerprint)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = Magic0;
        bytes[1] = Magic1;
        bytes[2] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[3..], position ^ (long)Hash.Mix(fingerprint));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[11..], fingerprint);
        bytes[15] = (byte)Hash.Mix((ulong)position ^ fingerprint);
        return Convert.ToBase64String(bytes);
    }

    public static long Decode(string token, uint fingerprint)
    {
        Span<byte> bytes = stackalloc byte[18];
        if (!Convert.TryFromBase64String(token, bytes, out var n) || n != 16 || bytes[0] != Magic0 || bytes[1] != Magic1 || bytes[2] != Version)
        {
            throw ApiException.BadRequest("invalid start cursor");
        }

        var fp = BinaryPrimitives.ReadUInt32BigEndian(bytes[11..]);
        var position = BinaryPrimitives.ReadInt64BigEndian(bytes[3..]) ^ (long)Hash.Mix(fp);
        if (bytes[15] != (byte)Hash.Mix((ulong)position ^ fp) || position < 0)
        {
            throw ApiException.BadRequest("invalid start cursor");
        }

        if (fp != fingerprint)
        {
            throw ApiException.BadRequest("start cursor does not match the other parameters of this request");
        }

        return position;
    }

    /// <summary>The <c>start</c> query parameter decoded, or null for the first page (absent or empty).</summary>
    public static long? Start(HttpRequest request, uint fingerprint) =>
        QueryParams.String(request, "start") is { Length: > 0 } token ? Decode(token, fingerprint) : null;
}
