using TapCustomerIo.Paging;

namespace TapCustomerIo.Streams;

/// <summary>
/// One stream, declared: where its records come from and how they are keyed, paged and bookmarked.
/// Most streams are a few lines of <c>with</c> on <see cref="StreamRegistry"/>'s defaults; odd endpoints plug in an
/// <see cref="IRecordSource"/> instead of the generic page walk.
/// </summary>
internal sealed record StreamDefinition
{
    public required string Name { get; init; }

    /// <summary>Path under the host, with <c>{field}</c> placeholders filled from the parent context.</summary>
    public required string Path { get; init; }

    /// <summary>The response property that holds the records (the envelope).</summary>
    public required string RecordsKey { get; init; }

    public required IReadOnlyList<string> KeyProperties { get; init; }

    public string? ReplicationKey { get; init; }

    public Incremental Incremental { get; init; } = Incremental.FullTable;

    public PageStyle Paging { get; init; } = PageStyle.None;

    public ParentLink? Parent { get; init; }

    /// <summary>Fixed query parameters; several entries mean several passes over the same endpoint (sender identities).</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Passes { get; init; } = [[]];

    public bool SelectedByDefault { get; init; } = true;

    /// <summary>Nested objects whose properties are lifted to the top level (relationship identifiers).</summary>
    public IReadOnlyList<string> Lift { get; init; } = [];

    /// <summary>Drop records whose key was already seen on the previous page (membership lists repeat across pages).</summary>
    public bool DeduplicateAcrossPages { get; init; }

    /// <summary>Server-side <c>type</c> filters taken from config (one pass per type; none means all types).</summary>
    public Func<Config.TapConfig, IReadOnlyList<string>>? TypeFilter { get; init; }

    /// <summary>How far before the bookmark records are read again; default <c>lookback_minutes</c>.</summary>
    public Func<Config.TapConfig, TimeSpan>? Lookback { get; init; }

    /// <summary>Key properties that depend on config (suppressions gain <c>domain</c> when <c>esp_domains</c> is set).</summary>
    public Func<Config.TapConfig?, IReadOnlyList<string>>? KeysFor { get; init; }

    public IReadOnlyList<string> Keys(Config.TapConfig? config) => KeysFor?.Invoke(config) ?? KeyProperties;

    public IRecordSource Source { get; init; } = global::TapCustomerIo.Paging.PageWalker.Instance;

    public bool IsIncremental => Incremental != Incremental.FullTable;
}
