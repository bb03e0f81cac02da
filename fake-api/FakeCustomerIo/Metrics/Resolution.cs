namespace FakeCustomerIo.Metrics;

internal enum Resolution { Hours, Days, Weeks, Months }

internal static class Resolutions
{
    /// <summary>"hours"/"hourly", "days"/"daily", "weeks"/"weekly", "months"/"monthly"; null if unknown.</summary>
    public static Resolution? Parse(string? text) => text switch
    {
        "hours" or "hourly" => Resolution.Hours,
        "days" or "daily" => Resolution.Days,
        "weeks" or "weekly" => Resolution.Weeks,
        "months" or "monthly" => Resolution.Months,
        _ => null,
    };

    public static string Name(Resolution r) => r switch
    {
        Resolution.Hours => "hours",
        Resolution.Days => "days",
        Resolution.Weeks => "weeks",
        _ => "months",
    };

    /// <summary>Documented maxima of <c>steps</c>: 24 hours, 45 days, 12 weeks, 121 months.</summary>
    public static int MaxSteps(Resolution r) => r switch
    {
        Resolution.Hours => 24,
        Resolution.Days => 45,
        Resolution.Weeks => 12,
        _ => 121,
    };
}
