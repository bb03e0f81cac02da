namespace TapCustomerIo.Bench.EndToEnd;

internal enum Goal
{
    None,
    Below,
    AtMost,
    AtLeast,
    Exactly,
}

/// <summary>One row of the e2e table: a figure measured once per run, and the target it is held to.</summary>
internal sealed record Figure(string Scenario, string Name, string Unit, IReadOnlyList<double> Values, Goal Goal = Goal.None, double Target = 0)
{
    public double Median => Stats.Median(Values);

    public bool? Passed => Goal switch
    {
        Goal.None => null,
        Goal.Below => Median < Target,
        Goal.AtMost => Median <= Target,
        Goal.AtLeast => Median >= Target,
        _ => Values.All(v => v == Target),
    };

    /// <summary>Median over target; for "at least" targets too, so above 1 is good there and bad elsewhere.</summary>
    public double? Ratio => Goal == Goal.None ? null : Target == 0 ? (Median == 0 ? 1 : double.PositiveInfinity) : Median / Target;

    public string TargetText => Goal switch
    {
        Goal.None => "—",
        Goal.Below => $"< {Format(Target)}",
        Goal.AtMost => $"≤ {Format(Target)}",
        Goal.AtLeast => $"≥ {Format(Target)}",
        _ => $"= {Format(Target)}",
    };

    public string Format(double value) => Unit switch
    {
        "s" => value.ToString("F2", Stats.Invariant) + " s",
        "ms" => value.ToString("F1", Stats.Invariant) + " ms",
        "MB" => value.ToString("F1", Stats.Invariant) + " MB",
        "×" => value.ToString("F3", Stats.Invariant) + " ×",
        "req/s" => value.ToString("F2", Stats.Invariant) + " req/s",
        _ => value.ToString("N0", Stats.Invariant) + (Unit.Length > 0 ? " " + Unit : ""),
    };
}
