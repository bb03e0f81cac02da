using TapCustomerIo.Http;

namespace TapCustomerIo.Paging;

/// <summary>An unpaged list: one request holds all of it.</summary>
internal sealed class SinglePage : IPaginator
{
    public ApiRequest First(ApiRequest list) => list;

    public ApiRequest? Next(Page page) => null;
}
