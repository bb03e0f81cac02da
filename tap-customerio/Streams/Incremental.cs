namespace TapCustomerIo.Streams;

/// <summary>How a stream's bookmark is kept (see <see cref="IncrementalPolicy"/>). Customer.io filters by time on the server only for deliveries.</summary>
internal enum Incremental
{
    /// <summary>Everything, every run.</summary>
    FullTable,

    /// <summary>The whole list is read; records older than the bookmark minus <c>lookback_minutes</c> are dropped here.</summary>
    ClientSide,

    /// <summary>Deliveries: time windows asked of the server, from the bookmark minus <c>messages_lookback_days</c>.
    /// Never declared by hand: it follows from <see cref="Paging.PageStyle.Windows"/>.</summary>
    ServerWindows,

    /// <summary>Activities arrive newest first: stop paging once a whole page is older than the bookmark minus the lookback.</summary>
    NewestFirst,
}
