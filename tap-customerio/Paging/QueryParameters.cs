using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

internal static class QueryParameters
{
    /// <summary>The request with query parameter <paramref name="name"/> set to <paramref name="value"/> (replaced, else appended).</summary>
    public static ApiRequest With(this ApiRequest request, string name, string value)
    {
        var query = new List<KeyValuePair<string, string>>(request.Query.Count + 1);
        var replaced = false;
        foreach (var parameter in request.Query)
        {
            var same = parameter.Key == name;
            query.Add(same ? new(name, value) : parameter);
            replaced |= same;
        }

        if (!replaced)
        {
            query.Add(new(name, value));
        }

        return request with { Query = query };
    }

    public static ApiRequest With(this ApiRequest request, string name, long value) =>
        request.With(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
