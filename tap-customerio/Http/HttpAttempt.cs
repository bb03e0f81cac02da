using TapCustomerIo.Json;

namespace TapCustomerIo.Http;

/// <summary>What one HTTP attempt produced: the checked body on 200, else the status, Retry-After and raw error body.</summary>
internal sealed record HttpAttempt(int Status, RawDocument? Document, TimeSpan? RetryAfter = null, byte[]? ErrorBody = null)
{
    public static readonly IReadOnlySet<int> Transient = new HashSet<int> { 408, 429, 500, 502, 503, 504 };

    public bool IsTransient => Transient.Contains(Status);
}
