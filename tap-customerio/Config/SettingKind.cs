namespace TapCustomerIo.Config;

/// <summary>The JSON type of a setting, as Meltano's <c>kind</c> and the <c>--about</c> JSON Schema see it.</summary>
internal enum SettingKind
{
    String,
    Secret,
    Integer,
    Number,
    Boolean,
    DateTime,
    Options,
    StringArray,
    Object,
}
