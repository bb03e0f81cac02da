using System.Text.Json;

namespace FakeCustomerIo.Paging;

/// <summary>
/// How an endpoint says "last page": the real API mixes an empty string and a missing <c>next</c>, and a client must
/// accept both (see docs/api-assumptions.md for which endpoint does what).
/// </summary>
internal enum NextStyle { EmptyString, Absent }

internal static class NextWriter
{
    public static void Write(Utf8JsonWriter w, string? next, NextStyle style)
    {
        if (next is not null)
        {
            w.WriteString("next", next);
        }
        else if (style == NextStyle.EmptyString)
        {
            w.WriteString("next", "");
        }
    }
}
