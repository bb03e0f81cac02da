using System.Text.Json;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams;

/// <summary>
/// One page of records. <see cref="Owner"/> keeps the response body alive until the batch is written.
/// <see cref="CompletedThrough"/> is set when a server-side time window has been read to its end, so a bookmark may move there.
/// <see cref="Extras"/> are fields injected into every record of the batch (besides the parent context).
/// </summary>
internal sealed record RecordBatch(IReadOnlyList<RawValue> Records, IDisposable? Owner = null) : IDisposable
{
    public DateTimeOffset? CompletedThrough { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; init; } = [];

    /// <summary>
    /// Fields computed from each record and written in place of the record's own (people: the identifiers, which the
    /// profile holds at the top, in <c>identifiers</c> or among its attributes); null values are written as null.
    /// </summary>
    public Func<RawValue, IReadOnlyList<KeyValuePair<string, string?>>>? RecordExtras { get; init; }

    /// <summary>The whole response body the records came from (fields beside the list, such as a suppression's <c>category</c>).</summary>
    public RawValue Response { get; init; }

    public void Dispose() => Owner?.Dispose();
}
