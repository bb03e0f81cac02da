using TapCustomerIo.Http;
using TapCustomerIo.Json;

namespace TapCustomerIo.Paging;

/// <summary>
/// One answered request: the envelope's records, the body that holds them alive, and the <c>next</c> cursor the
/// body carried (read up front, so a paginator can use it after the body was handed out and disposed). Disposing it
/// frees the body and gives back its read's hold (<see cref="PageAllowance"/>), if it took one.
/// </summary>
internal sealed record Page(ApiRequest Request, RawDocument Document, IReadOnlyList<RawValue> Records, string? Next) : IDisposable
{
    public IDisposable? Hold { get; init; }

    public void Dispose()
    {
        Document.Dispose();
        Hold?.Dispose();
    }
}
