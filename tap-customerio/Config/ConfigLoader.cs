using System.Text.Json.Nodes;

namespace TapCustomerIo.Config;

/// <summary>Reads <c>--config</c>, fills gaps from the environment and validates every key up front, in <see cref="Settings.All"/> order.</summary>
internal static class ConfigLoader
{
    public static TapConfig Load(string path, Func<string, string?>? environment = null)
    {
        var file = JsonFile.ReadObject(path, "config", "--config", "config.sample.json");
        return FromJson(file, environment ?? Environment.GetEnvironmentVariable);
    }

    public static TapConfig FromJson(JsonObject file, Func<string, string?> environment)
    {
        var read = new ConfigReader(file, environment);
        var values = Settings.All.ToDictionary(s => s.Name, s => s.ReadBoxed(read));
        var region = (string)values[Settings.Region.Name]!;
        return new TapConfig
        {
            Values = values,
            ApiKey = (string)values[Settings.ApiKey.Name]!,
            BaseUrl = (Uri?)values[Settings.BaseUrl.Name] ?? Settings.RegionHosts[region],
        };
    }
}
