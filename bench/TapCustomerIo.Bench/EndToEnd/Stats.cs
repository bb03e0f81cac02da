using System.Globalization;

namespace TapCustomerIo.Bench.EndToEnd;

internal static class Stats
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
