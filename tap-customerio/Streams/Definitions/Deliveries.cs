using TapCustomerIo.Paging;
using static TapCustomerIo.Streams.Define;

namespace TapCustomerIo.Streams.Definitions;

internal static class Deliveries
{
    public static IEnumerable<StreamDefinition> All =>
    [
        // A delivery's `metrics` (opened, clicked...) keep changing after `created`, so the windows start
        // `messages_lookback_days` before the bookmark.
        Define.Deliveries("messages", "/v1/messages") with { TypeFilter = config => config.MessageTypes },

        // Newest first, a short recent feed with no time filter: stop once a whole page is older than the bookmark.
        // The API ends the list with empty pages that still carry a fresh `next`: an empty page is the end.
        List("activities", "/v1/activities", "activities")
            .Paged(PageStyle.Cursor(100) with { EmptyPageEnds = true }).NewestFirst("timestamp") with
        {
            TypeFilter = config => config.ActivityTypes,
        },
    ];
}
