using System.Globalization;

namespace FakeCustomerIo.Http;

/// <summary>Query parsing with the API's strictness: malformed numbers and limits above a maximum answer 400.</summary>
internal static class QueryParams
{
    public static string? String(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null;

    public static long? Long(HttpRequest request, string name)
    {
        var raw = String(request, name);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"{name} must be an integer");
    }

    public static bool? Bool(HttpRequest request, string name) => String(request, name) switch
    {
        null or "" => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw ApiException.BadRequest($"{name} must be true or false"),
    };

    /// <summary>Page size: absent → <paramref name="fallback"/>; below 1 or above <paramref name="max"/> → 400.</summary>
    public static int Limit(HttpRequest request, int max, int fallback)
    {
        var limit = Long(request, "limit");
        if (limit is null)
        {
            return fallback;
        }

        if (limit < 1 || limit > max)
        {
            throw ApiException.BadRequest($"limit must be between 1 and {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)limit.Value;
    }

    public static long RouteLong(HttpContext ctx, string name, string what) =>
        long.TryParse(ctx.Request.RouteValues[name] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ApiException.BadRequest($"invalid {what} id");

    public static string Route(HttpContext ctx, string name) => ctx.Request.RouteValues[name] as string ?? "";
}
