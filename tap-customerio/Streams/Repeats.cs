namespace TapCustomerIo.Streams;

/// <summary>Lists that can send a record twice, and how far back the reader looks for the repeat (by key properties).</summary>
internal enum Repeats
{
    /// <summary>Every record is written as the API sends it.</summary>
    Kept,

    /// <summary>A record on the previous page of the same walk is dropped (membership pages overlap at the edge; a
    /// whole-list set would grow with the largest segment).</summary>
    OnPreviousPage,

    /// <summary>A record already read by this read, in any pass or page, is dropped (searches list an id again; a sender
    /// may come back in both <c>hidden</c> passes).</summary>
    Anywhere,
}
