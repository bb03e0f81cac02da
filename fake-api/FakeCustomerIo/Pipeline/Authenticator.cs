using FakeCustomerIo.Http;

namespace FakeCustomerIo.Pipeline;

/// <summary>
/// Bearer auth. A missing or unknown key gets 401 (the real API answers the same for a key of the other region); the
/// scoped key may only call GET /v1/workspaces (the cheapest credential check) and gets 403 elsewhere.
/// </summary>
internal static class Authenticator
{
    public static (int Status, string Detail)? Check(HttpRequest request, FakeApiOptions options)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (401, ErrorEnvelope.Unauthorized);
        }

        var key = header[scheme.Length..].Trim();
        if (key.Length > 0 && key == options.ApiKey)
        {
            return null;
        }

        if (key.Length > 0 && key == options.ScopedKey)
        {
            return HttpMethods.IsGet(request.Method) && request.Path.Equals("/v1/workspaces", StringComparison.Ordinal)
                ? null
                : (403, ErrorEnvelope.Forbidden);
        }

        return (401, ErrorEnvelope.Unauthorized);
    }
}
