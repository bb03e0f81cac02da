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
        // `name` filters and `deleted` (documented only as a boolean: "deleted only" or "deleted too") are further
        // passes; an activity listed by two passes is written once.
        List("activities", "/v1/activities", "activities")
            .Paged(PageStyle.Cursor(100) with { EmptyPageEnds = true }).NewestFirst("timestamp") with
        {
            TypeFilter = config => config.ActivityTypes,
            Variants = ActivityVariants,
            Repeats = Repeats.Anywhere,
        },
    ];

    /// <summary>One pass per configured name (or one unnamed), each once more with <c>deleted=true</c> when asked for.</summary>
    private static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> ActivityVariants(Config.TapConfig config)
    {
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> names = config.ActivityNames.Count == 0
            ? [[]]
            : [.. config.ActivityNames.Select(n => (IReadOnlyList<KeyValuePair<string, string>>)[new("name", n)])];
        return config.ActivityDeleted ? [.. names, .. names.Select(n => (IReadOnlyList<KeyValuePair<string, string>>)[.. n, new("deleted", "true")])] : names;
    }
}
