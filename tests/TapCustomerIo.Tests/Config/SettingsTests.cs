using System.Text.Json.Nodes;
using TapCustomerIo.Config;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Config;

/// <summary>The settings table is the one statement of the config keys: defaults, sample and loader follow it.</summary>
public sealed class SettingsTests
{
    private static TapConfig Load(JsonObject file) => ConfigLoader.FromJson(file, _ => null);

    [Fact]
    public void Config_sample_has_every_setting_in_order()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.File("config.sample.json")))!.AsObject();

        Assert.Equal(Settings.All.Select(s => s.Name), sample.Select(p => p.Key));
    }

    [Fact]
    public void An_absent_key_reads_as_the_settings_default()
    {
        var config = Load(new JsonObject { ["api_key"] = "k" });

        Assert.Equal(Settings.StartDate.Default, config.StartDate);
        Assert.Equal(Settings.LookbackMinutes.Default, config.LookbackMinutes);
        Assert.Equal(TimeSpan.FromSeconds(Settings.RequestTimeoutSeconds.Default), config.RequestTimeout);
        Assert.Equal(Settings.RegionHosts[Settings.Region.Default], config.BaseUrl);
        Assert.Null(config.MetricsSteps);
        Assert.Empty(config.EspDomains);
    }

    [Fact]
    public void A_present_key_is_read_validated_and_normalised()
    {
        var config = Load(JsonNode.Parse("""{"access_token": " k ", "region": "EU", "lookback_minutes": 5, "metrics_steps": 7}""")!.AsObject());

        Assert.Equal("k", config.ApiKey);
        Assert.Equal("eu", config.Region);
        Assert.Equal(new Uri("https://api-eu.customer.io"), config.BaseUrl);
        Assert.Equal(5, config.Get(Settings.LookbackMinutes));
        Assert.Equal(7, config.MetricsSteps);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    public void A_switch_reads_json_booleans_and_environment_text(string json, bool expected)
    {
        var flag = SettingTypes.Switch("some_switch", false, "A switch.");
        var read = new ConfigReader(JsonNode.Parse($$"""{"some_switch": {{json}}}""")!.AsObject(), _ => null);

        Assert.Equal(expected, flag.Read(read, flag));
        Assert.True(flag.Read(new ConfigReader([], _ => "true"), flag));
        Assert.Throws<TapException>(() => flag.Read(new ConfigReader(JsonNode.Parse("""{"some_switch": 1}""")!.AsObject(), _ => null), flag));
        Assert.Equal("false", flag.DefaultJson!.ToJsonString());
    }

    [Fact]
    public void A_test_can_override_one_setting()
    {
        var config = new TapConfig { ApiKey = "k", BaseUrl = new Uri("https://api.customer.io"), LookbackMinutes = 0, RequestTimeout = TimeSpan.FromSeconds(5) }
            .With(Settings.MetricsDays, 7);

        Assert.Equal(0, config.LookbackMinutes);
        Assert.Equal(5, config.Get(Settings.RequestTimeoutSeconds));
        Assert.Equal(7, config.MetricsDays);
        Assert.Equal(Settings.MessagesLookbackDays.Default, config.MessagesLookbackDays);
    }
}
