namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>Prints the figures as one Markdown table (pasteable into docs/performance.md).</summary>
internal static class ResultTable
{
    public static void Print(IEnumerable<Figure> figures, TextWriter output)
    {
        output.WriteLine("| scenario | figure | median | min | max | target | ratio to target | result |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var f in figures)
        {
            var ratio = f.Ratio is { } r ? r.ToString("F3", Stats.Invariant) : "—";
            var result = f.Passed switch { true => "pass", false => "**FAIL**", null => "info" };
            output.WriteLine($"| {f.Scenario} | {f.Name} | {f.Format(f.Median)} | {f.Format(f.Values.Min())} | {f.Format(f.Values.Max())} | {f.TargetText} | {ratio} | {result} |");
        }
    }
}
