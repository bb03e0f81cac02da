using TapCustomerIo.Http;
using TapCustomerIo.Json;

namespace TapCustomerIo.Paging;

/// <summary>
/// One answered request: the envelope's records, the body that holds them alive, and the <c>next</c> cursor the
/// body carried (read up front, so a paginator can use it after the body was handed out and disposed).
/// </summary>
internal sealed record Page(ApiRequest Request, RawDocument Document, IReadOnlyList<RawValue> Records, string? Next);
