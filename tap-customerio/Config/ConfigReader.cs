using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TapCustomerIo.Config;

/// <summary>
/// Typed reads of one config object. Values come from the file or, for keys the file lacks, from
/// <c>TAP_CUSTOMERIO_&lt;KEY&gt;</c> environment variables (Meltano's convention), whose text is cast by the setting's kind.
/// Error messages name the key and the fix, and never echo a secret's value.
/// </summary>
internal sealed class ConfigReader(JsonObject file, Func<string, string?> environment)
{
    public JsonNode? Raw(Setting setting)
    {
        foreach (var name in new[] { setting.Name }.Concat(setting.Aliases))
        {
            if (file.TryGetPropertyValue(name, out var node) && node is not null)
            {
                return node;
            }
        }

        foreach (var name in new[] { setting.Name }.Concat(setting.Aliases))
        {
            var text = environment("TAP_CUSTOMERIO_" + name.ToUpperInvariant());
            if (!string.IsNullOrEmpty(text))
            {
                return FromEnvironment(setting, text);
            }
        }

        return null;
    }

    public string? String(Setting setting)
    {
        var node = Raw(setting);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        throw Invalid(setting, node, "must be a string");
    }

    public double? Number(Setting setting)
    {
        var node = Raw(setting);
        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<double>(out var d) => d,
            JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw Invalid(setting, node, "must be a number"),
        };
    }

    public int? Integer(Setting setting)
    {
        var number = Number(setting);
        if (number is null)
        {
            return null;
        }

        if (number != Math.Floor(number.Value) || number < int.MinValue || number > int.MaxValue)
        {
            throw Invalid(setting, Raw(setting), "must be a whole number");
        }

        return (int)number.Value;
    }

    public bool? Boolean(Setting setting)
    {
        var node = Raw(setting);
        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            // Environment values arrive as text, written the way shells and Meltano write switches.
            JsonValue v when v.TryGetValue<string>(out var s) && s.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" => true,
            JsonValue v when v.TryGetValue<string>(out var s) && s.Trim().ToLowerInvariant() is "false" or "0" or "no" or "off" => false,
            _ => throw Invalid(setting, node, "must be true or false"),
        };
    }

    public IReadOnlyList<string>? StringArray(Setting setting)
    {
        var node = Raw(setting);
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array && array.All(i => i is JsonValue v && v.TryGetValue<string>(out _)))
        {
            return array.Select(i => i!.GetValue<string>()).ToArray();
        }

        throw Invalid(setting, node, "must be a list of strings, e.g. [\"a\", \"b\"]");
    }

    public JsonObject? Object(Setting setting)
    {
        var node = Raw(setting);
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Invalid(setting, node, "must be a JSON object"),
        };
    }

    public static TapException Invalid(Setting setting, JsonNode? got, string rule)
    {
        var shown = setting.IsSecret || got is null ? "" : $" (got {Shorten(got.ToJsonString())})";
        return new TapException(
            $"config: '{setting.Name}' {rule}{shown}. Fix it in the --config file or in {setting.EnvironmentVariable}.");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static JsonNode? FromEnvironment(Setting setting, string text)
    {
        switch (setting.Kind)
        {
            case SettingKind.Integer or SettingKind.Number:
                return JsonValue.Create(text.Trim());
            case SettingKind.Object:
            case SettingKind.StringArray when text.TrimStart().StartsWith('['):
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    throw new TapException(
                        $"config: {setting.EnvironmentVariable} is not valid JSON. Set it to a JSON {(setting.Kind == SettingKind.Object ? "object" : "list")}.");
                }

            case SettingKind.StringArray:
                return new JsonArray(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
            default:
                return JsonValue.Create(text);
        }
    }
}
