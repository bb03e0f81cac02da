namespace TapCustomerIo.Tests.Support;

/// <summary>
/// Golden files under tests/TapCustomerIo.Tests/Golden. Verify.Xunit cannot be restored here (its Verify dependency is
/// not served), so this does the same job: compare, and with UPDATE_GOLDEN=1 rewrite the file instead.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual)
    {
        var path = RepoPaths.File("tests", "TapCustomerIo.Tests", "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
