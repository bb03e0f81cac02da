namespace TapCustomerIo.Schemas;

internal enum FieldKind
{
    /// <summary>Copied as the API sent it.</summary>
    Pass,

    /// <summary>Unix seconds become an RFC 3339 string.</summary>
    DateTime,

    /// <summary>A string of digits becomes an integer (campaign action ids arrive as strings).</summary>
    Integer,

    /// <summary>A number becomes a string (people and object ids may arrive as numbers).</summary>
    String,

    /// <summary>An object whose declared properties (or additionalProperties) need their own plan.</summary>
    Object,

    /// <summary>An array whose items need a plan.</summary>
    Array,
}
