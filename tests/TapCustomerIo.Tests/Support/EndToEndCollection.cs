namespace TapCustomerIo.Tests.Support;

/// <summary>
/// Tests that run the tap as a process against a fake API run one at a time: on a two-core machine, parallel syncs
/// would steal each other's CPU and blur the request-rate measurements some of them make.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
