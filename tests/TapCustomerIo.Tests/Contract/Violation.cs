namespace TapCustomerIo.Tests.Contract;

/// <summary>
/// One way a request or response departs from the definition. <see cref="Key"/> is stable across runs
/// ("GET /v1/activities query limit=1000 above maximum 100") and is what an allow-list line names;
/// <see cref="Example"/> shows one exchange that did it.
/// </summary>
internal sealed record Violation(string Key, string Example);
