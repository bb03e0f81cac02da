using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Discovery;

/// <summary>The README's Streams table says what the stream definitions say: name, keys, replication, default selection.</summary>
public sealed class ReadmeStreamTableTests
{
    [Fact]
    public void The_readme_stream_table_is_the_registry()
    {
        var readme = File.ReadAllLines(RepoPaths.File("README.md"));
        var heading = Array.IndexOf(readme, "## Streams");
        Assert.True(heading >= 0, "README.md has no '## Streams' section");
        var rows = readme.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2).ToArray();

        var expected = StreamRegistry.All.OrderBy(s => s.Name, StringComparer.Ordinal).Select(Row).ToArray();

        Assert.Equal(expected, rows);
    }

    /// <summary>The row the README should have for <paramref name="stream"/>, in the table's own words.</summary>
    private static string Row(StreamDefinition stream)
    {
        var keys = string.Join(", ", stream.KeyProperties.Select(k => $"`{k}`"));
        var replication = stream.IsIncremental ? $"INCREMENTAL on `{stream.ReplicationKey}`" : "FULL_TABLE";
        return $"| `{stream.Name}` | {keys} | {replication} | {(stream.SelectedByDefault ? "yes" : "opt-in")} |";
    }
}
