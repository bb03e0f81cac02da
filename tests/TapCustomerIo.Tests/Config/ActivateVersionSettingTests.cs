using System.Text.Json.Nodes;
using TapCustomerIo.Config;

namespace TapCustomerIo.Tests.Config;

/// <summary><c>activate_version</c>: on unless turned off, from the file as a JSON boolean or from the environment as Meltano writes it.</summary>
public sealed class ActivateVersionSettingTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData("false", null, false)]
    [InlineData("true", "false", true)] // the file wins
    [InlineData(null, "false", false)]
    [InlineData(null, "0", false)]
    [InlineData(null, "No", false)]
    [InlineData(null, "TRUE", true)]
    [InlineData(null, "1", true)]
    public void The_switch_is_read_from_the_file_or_the_environment(string? file, string? environment, bool expected)
    {
        var json = new JsonObject { ["api_key"] = "k" };
        if (file is not null)
        {
            json["activate_version"] = bool.Parse(file);
        }

        var config = ConfigLoader.FromJson(json, name => name == "TAP_CUSTOMERIO_ACTIVATE_VERSION" ? environment : null);

        Assert.Equal(expected, config.ActivateVersion);
    }
}
