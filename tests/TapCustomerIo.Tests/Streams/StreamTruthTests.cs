using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Contract;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// One test per registered stream: the shared full sync of every stream (<see cref="FullSync"/>) emitted records for
/// it, with unique keys equal to the fake workspace's (<see cref="StreamTruths"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StreamTruthTests(FullSync fixture) : IClassFixture<FullSync>
{
    public static TheoryData<string> Streams => new(StreamRegistry.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Streams))]
    public void A_full_sync_emits_exactly_the_fake_workspace_s_records(string stream)
    {
        Assert.True(StreamTruths.All.TryGetValue(stream, out var truth), $"no expectation for stream {stream}: add one to StreamTruths.All");
        var run = fixture.Result;
        Assert.True(run.Transcript.Schemas.Any(s => (string?)s["stream"] == stream), $"no SCHEMA for {stream} (is it in catalog.sample.json?)");

        var keys = run.Transcript.Keys(stream);

        Assert.True(keys.Count > 0, $"no records for {stream}");
        var duplicates = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"duplicate keys in {stream}: {string.Join(", ", duplicates.Take(10))}");
        if (truth is not null)
        {
            var expected = truth(run.Data, run.StartDate.ToUnixTimeSeconds()).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Except(keys).ToArray();
            var extra = keys.Except(expected).ToArray();
            Assert.True(missing.Length == 0 && extra.Length == 0,
                $"{stream}: {expected.Count} expected, {keys.Count} emitted; missing [{string.Join(", ", missing.Take(10))}], "
                + $"unexpected [{string.Join(", ", extra.Take(10))}]");
        }
    }
}
