namespace TapCustomerIo.Tests.Support;

/// <summary>
/// Golden files: files of the repository that a test's output must equal. Verify.Xunit cannot be restored here (its
/// Verify dependency is not served), so this does the same job: compare, and with UPDATE_GOLDEN=1 rewrite the file instead.
/// </summary>
internal static class Golden
{
    /// <param name="parts">The file's path from the repository root.</param>
    public static void Match(string actual, params string[] parts)
    {
        var path = RepoPaths.File(parts);
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
