using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Contract;

/// <summary>
/// allow-list.txt: the known departures from the definition, one a line as "<violation key> | <reason>".
/// A line names one <see cref="Violation.Key"/> exactly, or several with '*' (any text); '#' starts a comment line.
/// </summary>
internal sealed record AllowList(IReadOnlyDictionary<string, string> Reasons)
{
    public static AllowList Load()
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(RepoPaths.File("tests", "TapCustomerIo.Tests", "Contract", "allow-list.txt"));
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            Assert.True(bar > 0 && line[(bar + 3)..].Trim().Length > 0, $"allow-list line without a reason: {line}");
            Assert.True(reasons.TryAdd(line[..bar].Trim(), line[(bar + 3)..].Trim()), $"allow-list line repeated: {line}");
        }

        return new AllowList(reasons);
    }

    public bool Allows(Violation violation) => Reasons.Keys.Any(k => Matches(k, violation.Key));

    public static bool Matches(string line, string key) =>
        line.Contains('*', StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.IsMatch(key, "^" + string.Join(".*", line.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$")
            : line == key;
}
