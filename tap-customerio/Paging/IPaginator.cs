using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary>
/// One walk over one list, as dlt's rest_client paginators and singer-sdk's <c>BaseAPIPaginator</c>: the first
/// request, then from each page either the next request or null to stop. Stateful (a cursor guard, an offset), so
/// <see cref="PageStyle.Start"/> makes a new one for every walk.
/// </summary>
internal interface IPaginator
{
    /// <summary>The first request of the walk: <paramref name="list"/> with the paging parameters added.</summary>
    ApiRequest First(ApiRequest list);

    /// <summary>The request after <paramref name="page"/>, or null when the list ends there.</summary>
    ApiRequest? Next(Page page);
}
