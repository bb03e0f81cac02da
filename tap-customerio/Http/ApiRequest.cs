using System.Text;

namespace TapCustomerIo.Http;

/// <summary>One App API call. <paramref name="Stream"/> labels logs and metrics; <paramref name="MissingIsEmpty"/>
/// turns a 404 into "nothing here" for children of a parent that was deleted after it was listed.</summary>
internal sealed record ApiRequest(
    HttpMethod Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string Stream,
    byte[]? Body = null,
    bool MissingIsEmpty = false)
{
    public string PathAndQuery
    {
        get
        {
            if (Query.Count == 0)
            {
                return Path;
            }

            var text = new StringBuilder(Path).Append('?');
            foreach (var (name, value) in Query)
            {
                // Cursors are base64-like (+, /, =) and case-sensitive: they must be escaped, never parsed.
                text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }

            return text.ToString(0, text.Length - 1);
        }
    }

    public override string ToString() => $"{Method} {PathAndQuery}";
}
