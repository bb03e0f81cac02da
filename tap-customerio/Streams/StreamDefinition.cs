using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams;

/// <summary>
/// One stream, declared: where its records come from and how they are keyed, paged and bookmarked.
/// Every stream is a few lines of <c>with</c> on <see cref="Define"/>'s defaults in <c>Definitions/</c>; odd endpoints
/// plug in an <see cref="IRecordSource"/> instead of the <see cref="StreamReader"/>.
/// </summary>
internal sealed record StreamDefinition
{
    private readonly Incremental _incremental = Incremental.FullTable;

    public required string Name { get; init; }

    /// <summary>Path under the host, with <c>{field}</c> placeholders filled from the parent context.</summary>
    public required string Path { get; init; }

    /// <summary>The response property that holds the records (the envelope).</summary>
    public required string RecordsKey { get; init; }

    public required IReadOnlyList<string> KeyProperties { get; init; }

    public string? ReplicationKey { get; init; }

    /// <summary>
    /// How the bookmark is kept. Paging by server-side time windows implies <see cref="Incremental.ServerWindows"/>,
    /// which is therefore never set by hand.
    /// </summary>
    public Incremental Incremental
    {
        get => Paging.FiltersByTime ? Incremental.ServerWindows : _incremental;
        init => _incremental = value != Incremental.ServerWindows
            ? value
            : throw new ArgumentException($"stream '{Name}': declare PageStyle.Windows instead of Incremental.ServerWindows", nameof(Incremental));
    }

    public PageStyle Paging { get; init; } = PageStyle.None;

    public ParentLink? Parent { get; init; }

    /// <summary>The JSON body of a POST search (the list is then read with POST); null for a GET list.</summary>
    public Func<ReadContext, byte[]>? Body { get; init; }

    /// <summary>Fixed query parameters; several entries mean several passes over the same endpoint (sender identities).</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Passes { get; init; } = [[]];

    public bool SelectedByDefault { get; init; } = true;

    /// <summary>Nested objects whose properties are lifted to the top level (relationship identifiers).</summary>
    public IReadOnlyList<string> Lift { get; init; } = [];

    /// <summary>Which repeated records are dropped (by key) before they are written.</summary>
    public Repeats Repeats { get; init; } = Repeats.Kept;

    /// <summary>Server-side <c>type</c> filters taken from config (one pass per type; none means all types).</summary>
    public Func<Config.TapConfig, IReadOnlyList<string>>? TypeFilter { get; init; }

    /// <summary>Query variants taken from config, one pass each (activity names, deleted); none means the plain list.</summary>
    public Func<Config.TapConfig, IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>>? Variants { get; init; }

    /// <summary>How far before the bookmark records are read again; default <c>lookback_minutes</c>.</summary>
    public Func<Config.TapConfig, TimeSpan>? Lookback { get; init; }

    /// <summary>Key properties that depend on config (suppressions gain <c>domain</c> when <c>esp_domains</c> is set).</summary>
    public Func<Config.TapConfig?, IReadOnlyList<string>>? KeysFor { get; init; }

    public IReadOnlyList<string> Keys(Config.TapConfig? config) => KeysFor?.Invoke(config) ?? KeyProperties;

    public IRecordSource Source { get; init; } = StreamReader.Instance;

    public bool IsIncremental => Incremental != Incremental.FullTable;
}
