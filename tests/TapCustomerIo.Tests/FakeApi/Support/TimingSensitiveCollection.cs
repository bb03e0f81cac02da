namespace TapCustomerIo.Tests.FakeApi.Support;

/// <summary>
/// Tests that measure time (the rate-limit window) or burn CPU (bench scale, child processes) run alone, after the
/// parallel ones: the in-process fake stamps arrivals when a thread-pool thread picks a request up, so CPU contention
/// from other tests could bunch arrivals together (theirs and those of end-to-end syncs against other fakes).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "Fake API: timing-sensitive";
}
