using System.Reflection;

namespace TapCustomerIo;

internal static class TapInfo
{
    public const string Name = "tap-customerio";

    public const string Description =
        "Singer tap for Customer.io: extracts a whole workspace (people, campaigns, broadcasts, newsletters, deliveries, " +
        "activities, segments, metrics, ...) through the App API.";

    public static readonly string Version =
        typeof(TapInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
