using System.Text.Json.Nodes;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Meltano;

/// <summary>
/// meltano.yml declares tap-customerio as a custom extractor; what it says about capabilities and settings must agree with
/// what the built tap says about itself in <c>--about --format json</c>.
/// </summary>
public sealed class MeltanoYmlTests
{
    private static readonly JsonObject Project = YamlAsJson.Parse(File.ReadAllText(RepoPaths.File("meltano.yml"))).AsObject();

    private static JsonObject Extractor =>
        Assert.Single(Project["plugins"]!["extractors"]!.AsArray(), e => (string?)e!["name"] == "tap-customerio")!.AsObject();

    private static JsonObject[] Settings => Extractor["settings"]!.AsArray().Select(s => s!.AsObject()).ToArray();

    [Fact]
    public void The_tap_is_a_custom_extractor_run_from_the_release_build()
    {
        Assert.Equal("tap_customerio", (string?)Extractor["namespace"]);
        Assert.Equal("./tap-customerio/bin/Release/net10.0/tap-customerio", (string?)Extractor["executable"]);
        Assert.False(Extractor.ContainsKey("pip_url"), "a .NET executable is not a pip package");
        Assert.False(Extractor.ContainsKey("variant"), "a custom plugin has no Hub variant");
    }

    [Fact]
    public async Task Capabilities_agree_with_about()
    {
        var about = await AboutAsync();

        var declared = Extractor["capabilities"]!.AsArray().Select(c => (string)c!).ToArray();

        Assert.Equal(about["capabilities"]!.AsArray().Select(c => (string)c!).Order(), declared.Order());
        // Meltano passes --catalog and --state only to extractors that declare them.
        Assert.Contains("catalog", declared);
        Assert.Contains("state", declared);
    }

    [Fact]
    public async Task Every_setting_agrees_with_about_in_name_kind_default_description_and_secrecy()
    {
        var properties = (await AboutAsync())["settings"]!["properties"]!.AsObject();

        Assert.Equal(properties.Select(p => p.Key), Settings.Select(s => (string?)s["name"]));
        foreach (var setting in Settings)
        {
            var name = (string)setting["name"]!;
            var schema = properties[name]!.AsObject();
            var secret = (bool?)schema["secret"] == true;

            Assert.True(MeltanoKind(schema) == (string?)setting["kind"], $"{name}: kind {setting["kind"]}, expected {MeltanoKind(schema)}");
            Assert.True(secret == ((bool?)setting["sensitive"] == true), $"{name}: sensitive must be {secret}");
            Assert.True(Json(schema["default"]) == Json(setting["value"]), $"{name}: value {Json(setting["value"])}, --about default {Json(schema["default"])}");
            Assert.Equal(Strings(schema["aliases"]), Strings(setting["aliases"]));
            Assert.True((string?)schema["description"] == (string?)setting["description"], $"{name}: description differs from --about's");
            if (schema["enum"] is JsonArray choices)
            {
                var options = setting["options"]!.AsArray().Select(o => o!.AsObject()).ToArray();
                Assert.Equal(Strings(choices), options.Select(o => (string?)o["value"]));
                Assert.All(options, o => Assert.False(string.IsNullOrWhiteSpace((string?)o["label"]), $"{name}: an option without a label"));
            }
            else
            {
                Assert.False(setting.ContainsKey("options"), $"{name}: options on a setting that is not kind options");
            }
        }
    }

    [Fact]
    public void A_jsonl_loader_is_declared_so_meltano_run_has_a_target()
    {
        var loader = Assert.Single(Project["plugins"]!["loaders"]!.AsArray(), l => (string?)l!["name"] == "target-jsonl")!;

        Assert.False(string.IsNullOrWhiteSpace((string?)loader["pip_url"]), "meltano install needs a pip_url for the loader");
        Assert.False(string.IsNullOrWhiteSpace((string?)loader["variant"]));
    }

    /// <summary>Meltano's <c>kind</c> for a setting, from its JSON Schema in <c>--about</c>.</summary>
    private static string MeltanoKind(JsonObject schema) => (string?)schema["type"] switch
    {
        _ when (bool?)schema["secret"] == true => "password",
        _ when schema.ContainsKey("enum") => "options",
        "string" when (string?)schema["format"] == "date-time" => "date_iso8601",
        "number" => "decimal",
        { } type => type,
        null => "string",
    };

    private static string? Json(JsonNode? node) => node?.ToJsonString();

    private static string?[] Strings(JsonNode? node) => node?.AsArray().Select(n => (string?)n).ToArray() ?? [];

    private static async Task<JsonObject> AboutAsync()
    {
        var run = await TapProcess.RunAsync(["--about", "--format", "json"]);
        Assert.Equal(0, run.ExitCode);
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }
}
