using FakeCustomerIo.Data;

namespace FakeCustomerIo.Paging;

/// <summary>
/// Checksum of everything that defines a list except the page position and size: path, query parameters other than
/// <c>start</c> and <c>limit</c>, and the (minified) JSON body. A cursor is only valid with the same fingerprint.
/// </summary>
internal static class Fingerprint
{
    public static uint Of(HttpRequest request, string? canonicalBody = null)
    {
        var h = Hash.OfString(0x5EED, request.Path.Value ?? "");
        foreach (var (key, values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (key is "start" or "limit")
            {
                continue;
            }

            h = Hash.OfString(h, key);
            foreach (var v in values)
            {
                h = Hash.OfString(h, v ?? "");
            }
        }
        if (canonicalBody is not null)
        {
            h = Hash.OfString(h, canonicalBody);
        }

        return (uint)(h ^ (h >> 32));
    }
}
