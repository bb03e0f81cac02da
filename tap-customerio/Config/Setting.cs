namespace TapCustomerIo.Config;

/// <summary>One row of the config table: what <c>--about</c> prints and what the loader validates.</summary>
internal sealed record Setting(
    string Name,
    SettingKind Kind,
    string Description,
    string? Default = null,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    IReadOnlyList<string>? Aliases = null)
{
    public string EnvironmentVariable => "TAP_CUSTOMERIO_" + Name.ToUpperInvariant();

    public bool IsSecret => Kind == SettingKind.Secret;
}
