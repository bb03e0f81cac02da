using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Contract;

/// <summary>
/// The tap and the fake against Customer.io's published definition (spec/customerio-app-read.json): every request of
/// a full sync of every stream is one the definition allows, and every 200 the fake answers it with matches the
/// definition's response schema. Known gaps are listed, with their reasons, in allow-list.txt.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ContractTests(FullSync fixture) : IClassFixture<FullSync>
{
    private readonly FullSyncResult _run = fixture.Result;
    private readonly AllowList _allowed = AllowList.Load();

    [Fact]
    public void Every_request_the_tap_sends_is_one_the_definition_allows()
    {
        Assert.Equal(0, _run.DroppedExchanges);
        Assert.True(_run.Exchanges.Count > 1000, $"only {_run.Exchanges.Count} requests logged");

        AssertNoneUnlisted(_run.Exchanges.SelectMany(RequestContract.CheckRequest), "request");
    }

    [Fact]
    public void Every_response_the_fake_sends_matches_the_definition()
    {
        Assert.Contains(_run.Exchanges, e => e.Status == 200 && SpecDigest.Instance.Find(e.Method, e.Path) is not null);

        AssertNoneUnlisted(_run.Exchanges.SelectMany(RequestContract.CheckResponse), "response");
    }

    /// <summary>Fails on a violation no allow-list line names, and on an allow-list line of this kind (request or
    /// response) that nothing violates any more, so fixed gaps leave the list.</summary>
    private void AssertNoneUnlisted(IEnumerable<Violation> violations, string what)
    {
        var all = violations.ToArray();
        var unlisted = all.Where(v => !_allowed.Allows(v)).GroupBy(v => v.Key).ToArray();
        Assert.True(unlisted.Length == 0,
            $"{unlisted.Length} kinds of {what} the definition does not allow (fix, or add a reasoned line to Contract/allow-list.txt):\n"
            + string.Join("\n", unlisted.Select(g => $"{g.Key}   [{g.Count()}x, e.g. {g.First().Example}]")));

        var stale = _allowed.Reasons.Keys
            .Where(line => line.Contains(" response ", StringComparison.Ordinal) == (what == "response"))
            .Where(line => !all.Any(v => AllowList.Matches(line, v.Key)))
            .ToArray();
        Assert.True(stale.Length == 0, $"allow-list lines no {what} violates any more (remove them):\n" + string.Join("\n", stale));
    }
}
