namespace TapCustomerIo.Streams;

/// <summary>
/// Where a stream's records come from. The generic page walk covers most streams; an endpoint that does not fit
/// (two-step people search, metric series, suppression fan-out) implements this instead.
/// </summary>
internal interface IRecordSource
{
    IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, CancellationToken cancellation);
}
