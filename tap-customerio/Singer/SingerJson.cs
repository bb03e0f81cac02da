using System.Text.Encodings.Web;
using System.Text.Json;

namespace TapCustomerIo.Singer;

internal static class SingerJson
{
    /// <summary>Indented, and without escaping backticks or angle brackets (this JSON goes to files, never into HTML).</summary>
    public static readonly JsonSerializerOptions Pretty = new(SingerJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
