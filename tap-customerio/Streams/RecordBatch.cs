using System.Text.Json;

namespace TapCustomerIo.Streams;

/// <summary>
/// One page of records. <see cref="Owner"/> keeps the parsed response alive until the batch is written.
/// <see cref="CompletedThrough"/> is set when a server-side time window has been read to its end, so a bookmark may move there.
/// <see cref="Extras"/> are fields injected into every record of the batch (besides the parent context).
/// </summary>
internal sealed record RecordBatch(IReadOnlyList<JsonElement> Records, IDisposable? Owner = null) : IDisposable
{
    public DateTimeOffset? CompletedThrough { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; init; } = [];

    /// <summary>The whole response body the records came from (fields beside the list, such as a suppression's <c>category</c>).</summary>
    public JsonElement Response { get; init; }

    public void Dispose() => Owner?.Dispose();
}
