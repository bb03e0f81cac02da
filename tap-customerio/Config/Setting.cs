using System.Text.Json.Nodes;

namespace TapCustomerIo.Config;

/// <summary>
/// One config key: its name, kind, description, default and environment variable. The loader reads and validates it,
/// <c>--about</c> prints it and meltano.yml must agree with it; <see cref="Setting{T}"/> adds the typed value.
/// </summary>
internal abstract record Setting(string Name, SettingKind Kind, string Description)
{
    public bool Required { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string EnvironmentVariable => "TAP_CUSTOMERIO_" + Name.ToUpperInvariant();

    public bool IsSecret => Kind == SettingKind.Secret;

    /// <summary>The default as <c>--about</c> and meltano.yml show it; null when there is none.</summary>
    public abstract JsonNode? DefaultJson { get; }

    /// <summary>The validated value from the file or the environment, or the default; boxed for <see cref="TapConfig"/>.</summary>
    public abstract object? ReadBoxed(ConfigReader read);
}

/// <summary>A setting whose value is a <typeparamref name="T"/>; build one with <see cref="SettingTypes"/>.</summary>
internal sealed record Setting<T>(string Name, SettingKind Kind, string Description, T Default, Func<ConfigReader, Setting<T>, T> Read)
    : Setting(Name, Kind, Description)
{
    public override JsonNode? DefaultJson => Required ? null : SettingTypes.ToJson(Default);

    public override object? ReadBoxed(ConfigReader read) => Read(read, this);
}
