using TapCustomerIo.Planning;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Planning;

/// <summary>The README's per-read cost table is the one the declarations give (the model --estimate uses).</summary>
public sealed class CostTableTests
{
    private const string Begin = "<!-- cost-table: generated from the stream declarations, see CostTableTests -->\n";
    private const string End = "<!-- end cost-table -->";

    [Fact]
    public void Readme_cost_table_is_the_declarations()
    {
        var readme = File.ReadAllText(RepoPaths.File("README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no generated cost table");
        start += Begin.Length;
        var table = readme[start..readme.IndexOf(End, start, StringComparison.Ordinal)];
        Assert.True(CostTable.Markdown() == table, "README.md's cost table differs from the declarations; replace it with:\n" + CostTable.Markdown());
    }
}
