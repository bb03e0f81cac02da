using System.Text.Json.Nodes;

namespace TapCustomerIo.Sync;

/// <summary>
/// What each stream cost in the last run that completed it: <c>"requests": {"&lt;stream&gt;": N}</c> beside the bookmarks
/// (not inside them, where a moving bookmark rewrites its entry). <c>--estimate</c> uses it for the streams whose reads
/// do not depend on a bookmark.
/// </summary>
internal sealed partial class TapState
{
    public void RecordRequests(string stream, long requests)
    {
        lock (_lock)
        {
            if (_value["requests"] is not JsonObject costs)
            {
                costs = [];
                _value["requests"] = costs;
            }

            costs[stream] = requests;
        }
    }

    /// <summary>The stream's requests in the last run that completed it; null when unknown.</summary>
    public long? RecordedRequests(string stream)
    {
        lock (_lock)
        {
            return _value["requests"]?[stream] is JsonValue value && value.TryGetValue<long>(out var requests) && requests >= 0 ? requests : null;
        }
    }
}
