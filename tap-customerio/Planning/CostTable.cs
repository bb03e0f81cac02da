using System.Globalization;
using System.Text;
using TapCustomerIo.Paging;
using TapCustomerIo.Streams;
using TapCustomerIo.Streams.Custom;

namespace TapCustomerIo.Planning;

/// <summary>
/// The README's table of what one read of each stream costs, written from the declarations the sync and
/// <c>--estimate</c> use (a test keeps the README's copy equal to it).
/// </summary>
internal static class CostTable
{
    public static string Markdown()
    {
        var text = new StringBuilder("| stream | read | calls a read |\n|---|---|---|\n");
        foreach (var stream in StreamRegistry.All)
        {
            var per = stream.Parent is { } parent ? $"per `{parent.Stream}` record" : "once";
            text.Append(CultureInfo.InvariantCulture, $"| `{stream.Name}` | {per} | {Calls(stream)} |\n");
        }

        return text.ToString();
    }

    private static string Calls(StreamDefinition stream)
    {
        var passes = stream.Passes.Count switch { 1 => "", var n => $", × {n} passes" } + (stream.TypeFilter is null ? "" : ", × each configured type");
        return stream switch
        {
            { Source: CustomersSource } => "1 per 1,000 people (search), + 1 per 100 people when the profiles are written",
            { Source: EspSuppressionsSource, Paging: OffsetStyle offset } => $"1 per {offset.Limit:N0} rows of each of 4 lists, again per `esp_domains` entry",
            _ when DeclaredCost.OneCallAPass(stream) => "1" + passes,
            { Paging: WindowStyle windows } => $"1 per {windows.Limit:N0} rows, + 1 per `messages_window_days` window" + passes,
            { Paging: CursorStyle { Limit: { } limit } } => $"1 per {limit:N0} rows" + passes,
            { Paging: NextOffsetStyle offset } => $"1 per {offset.Limit:N0} rows" + passes,
            { Paging: CursorStyle } => "1 per page (the API's page size)" + passes,
            _ => "1 per page" + passes,
        };
    }
}
