using System.Text;
using System.Text.Json.Nodes;
using TapCustomerIo.Config;

namespace TapCustomerIo.Cli;

/// <summary><c>--about</c> in the three forms Meltano and the Singer SDK know: text, JSON (settings as a JSON Schema), Markdown.</summary>
internal static class About
{
    public static readonly IReadOnlyList<string> Capabilities = ["catalog", "discover", "state", "about", "test", "activate-version"];

    public static string Render(string format) => format switch
    {
        "json" => Json().ToJsonString(Singer.SingerJson.Pretty) + "\n",
        "markdown" => Markdown(),
        _ => Text(),
    };

    public static JsonObject Json()
    {
        var properties = new JsonObject();
        foreach (var setting in Settings.All)
        {
            properties[setting.Name] = SettingSchema(setting);
        }

        return new JsonObject
        {
            ["name"] = TapInfo.Name,
            ["description"] = TapInfo.Description,
            ["version"] = TapInfo.Version,
            ["sdk_version"] = null,
            ["supported_python_versions"] = null,
            ["capabilities"] = new JsonArray(Capabilities.Select(c => (JsonNode?)c).ToArray()),
            ["settings"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray(Settings.All.Where(s => s.Required).Select(s => (JsonNode?)s.Name).ToArray()),
            },
        };
    }

    private static JsonObject SettingSchema(Setting setting)
    {
        var schema = new JsonObject { ["type"] = JsonType(setting.Kind) };
        switch (setting.Kind)
        {
            case SettingKind.Secret:
                schema["secret"] = true;
                schema["writeOnly"] = true;
                break;
            case SettingKind.DateTime:
                schema["format"] = "date-time";
                break;
            case SettingKind.StringArray:
                schema["items"] = new JsonObject { ["type"] = "string" };
                break;
            case SettingKind.Options:
                schema["enum"] = new JsonArray(setting.Options!.Select(o => (JsonNode?)o).ToArray());
                break;
        }

        if (setting.DefaultJson is { } value)
        {
            schema["default"] = value;
        }

        if (setting.Aliases is { Count: > 0 } aliases)
        {
            schema["aliases"] = new JsonArray(aliases.Select(a => (JsonNode?)a).ToArray());
        }

        schema["description"] = setting.Description;
        return schema;
    }

    public static string JsonType(SettingKind kind) => kind switch
    {
        SettingKind.Integer => "integer",
        SettingKind.Number => "number",
        SettingKind.Boolean => "boolean",
        SettingKind.StringArray => "array",
        SettingKind.Object => "object",
        _ => "string",
    };

    /// <summary>A default as text: a string as it is, anything else as JSON.</summary>
    private static string? DefaultText(Setting setting) => setting.DefaultJson switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };

    private static string Text()
    {
        var text = new StringBuilder()
            .AppendLine($"Name: {TapInfo.Name}")
            .AppendLine($"Description: {TapInfo.Description}")
            .AppendLine($"Version: {TapInfo.Version}")
            .AppendLine("SDK Version: none (C# on .NET, no Singer SDK)")
            .AppendLine("Capabilities:");
        foreach (var capability in Capabilities)
        {
            text.AppendLine($"  - {capability}");
        }

        text.AppendLine("Settings:");
        foreach (var setting in Settings.All)
        {
            text.AppendLine($"  - Name: {setting.Name}")
                .AppendLine($"    Type: {JsonType(setting.Kind)}{(setting.IsSecret ? " (secret)" : "")}{(setting.Required ? " (required)" : "")}")
                .AppendLine($"    Default: {DefaultText(setting) ?? "none"}")
                .AppendLine($"    Environment Variable: {setting.EnvironmentVariable}")
                .AppendLine($"    Description: {setting.Description}");
        }

        return text.ToString();
    }

    private static string Markdown()
    {
        var text = new StringBuilder()
            .AppendLine($"# {TapInfo.Name}")
            .AppendLine()
            .AppendLine(TapInfo.Description)
            .AppendLine()
            .AppendLine($"Version {TapInfo.Version}. Capabilities: {string.Join(", ", Capabilities.Select(c => $"`{c}`"))}.")
            .AppendLine()
            .AppendLine("## Settings")
            .AppendLine()
            .AppendLine("| Setting | Required | Default | Description |")
            .AppendLine("|:--|:--:|:--|:--|");
        foreach (var setting in Settings.All)
        {
            var type = JsonType(setting.Kind) + (setting.IsSecret ? ", secret" : "");
            text.AppendLine($"| `{setting.Name}` ({type}) | {(setting.Required ? "yes" : "no")} | {(DefaultText(setting) is { } d ? $"`{d}`" : "")} | {setting.Description} |");
        }

        text.AppendLine()
            .AppendLine("Every setting can also be given as an environment variable `TAP_CUSTOMERIO_<NAME>` (upper case); the config file wins.");
        return text.ToString();
    }
}
