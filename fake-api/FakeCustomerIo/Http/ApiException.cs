namespace FakeCustomerIo.Http;

/// <summary>Ends a request with the standard App API error envelope <c>{"errors":[{"detail":…,"status":"400"}]}</c>.</summary>
internal sealed class ApiException(int status, string detail) : Exception(detail)
{
    public int Status => status;

    public static ApiException BadRequest(string detail) => new(400, detail);

    /// <summary>The live API's 404 text (Grouparoo fixture: "not found (reference …)").</summary>
    public static ApiException NotFound(string what) => new(404, $"not found (reference {what})");
}
