using System.Text.Json;
using TapCustomerIo.Config;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams;

/// <summary>
/// Every incremental decision about one stream in one run, in one place: the threshold (the bookmark minus the
/// lookback, floored at <c>start_date</c>), the time range windows cover, when a newest-first list holds nothing newer,
/// which records are kept, and where the bookmark may move: at a window's end and at the stream's end, never past the
/// signpost (the time the sync started). Used by the reader and the runner; thread-safe (children of many parents
/// share it).
/// </summary>
internal sealed class IncrementalPolicy
{
    private readonly StreamDefinition _stream;
    private readonly bool _commits;
    private readonly long _signpost;
    private readonly long? _since;
    private readonly byte[] _replicationKey; // looked up in every record: its UTF-8 once
    private long _latest = long.MinValue;
    private long _future;

    private IncrementalPolicy(StreamDefinition stream, DateTimeOffset? since, DateTimeOffset from, DateTimeOffset signpost, bool commits)
    {
        (_stream, Since, From, Signpost, _commits) = (stream, since, from, signpost, commits);
        _signpost = signpost.ToUnixTimeSeconds();
        _since = since?.ToUnixTimeSeconds();
        _replicationKey = System.Text.Encoding.UTF8.GetBytes(stream.ReplicationKey ?? "");
    }

    /// <param name="bookmark">The stream's saved bookmark; null on a first run, a full refresh, or a stream walked only for its children.</param>
    /// <param name="commits">False for a stream walked only for its children: its bookmark never moves.</param>
    public static IncrementalPolicy For(StreamDefinition stream, TapConfig config, DateTimeOffset? bookmark, DateTimeOffset signpost, bool commits)
    {
        var floor = config.StartDate.AddSeconds(-1);
        DateTimeOffset? since = null;
        if (stream.IsIncremental)
        {
            since = floor;
            if (bookmark is { } saved)
            {
                var lookback = stream.Lookback?.Invoke(config) ?? TimeSpan.FromMinutes(config.LookbackMinutes);
                since = saved - lookback > floor ? saved - lookback : floor;
            }
        }

        return new IncrementalPolicy(stream, since, (since ?? floor).AddSeconds(1), signpost, commits);
    }

    /// <summary>
    /// The same policy for a sample (<c>--test</c>): nothing commits, and time windows cover only the last
    /// <paramref name="span"/> before the signpost, so a sample does not walk years of empty windows.
    /// </summary>
    public IncrementalPolicy Sample(TimeSpan span)
    {
        var recent = Signpost - span;
        return new IncrementalPolicy(_stream, Since, _stream.Paging.FiltersByTime && From < recent ? recent : From, Signpost, commits: false);
    }

    /// <summary>Records with a replication value at or before this were emitted by an earlier run (null: emit all).</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>The first instant a time-windowed read covers: just after <see cref="Since"/>.</summary>
    public DateTimeOffset From { get; }

    /// <summary>
    /// The first instant a child's windows cover: <see cref="From"/>, or the parent's creation when later (nothing of a
    /// parent is older than the parent), to the second.
    /// </summary>
    public DateTimeOffset WindowsFrom(DateTimeOffset? parentCreated) =>
        parentCreated is { } created && created > From ? DateTimeOffset.FromUnixTimeSeconds(created.ToUnixTimeSeconds()) : From;

    /// <summary>The time the sync started; the last instant windows cover and the furthest a bookmark moves.</summary>
    public DateTimeOffset Signpost { get; }

    public long FutureSkipped => Interlocked.Read(ref _future);

    private bool Filters => _stream.IsIncremental && _stream.ReplicationKey is not null;

    /// <summary>Newest-first lists: once a whole page is at or before the threshold, older pages hold nothing new.</summary>
    public bool NothingNewerAfter(IReadOnlyList<RawValue> page) =>
        _stream.Incremental == Incremental.NewestFirst && _since is { } since && page.Count > 0
        && page.All(r => ReplicationValue.UnixSeconds(r, _replicationKey) is { } t && t <= since);

    /// <summary>
    /// The records to write: those after the threshold, and those without a replication value. Newest-first lists drop
    /// records dated after the signpost (the next run reads them; they must not move the bookmark past it).
    /// </summary>
    public IReadOnlyList<RawValue> Keep(IReadOnlyList<RawValue> records)
    {
        if (!Filters)
        {
            return records;
        }

        var kept = new List<RawValue>(records.Count);
        foreach (var record in records)
        {
            if (ReplicationValue.UnixSeconds(record, _replicationKey) is { } value)
            {
                if (value > _signpost && _stream.Incremental == Incremental.NewestFirst)
                {
                    Interlocked.Increment(ref _future);
                    continue;
                }

                Saw(Math.Min(value, _signpost));
                if (_since is { } since && value <= since)
                {
                    continue;
                }
            }

            kept.Add(record);
        }

        return kept;
    }

    /// <summary>
    /// Where the bookmark moves once the reader reports every window up to <paramref name="completedThrough"/> read and
    /// written: only for a top-level stream (a child's window covers one parent, not the stream).
    /// </summary>
    public DateTimeOffset? AtWindowEnd(DateTimeOffset? completedThrough) =>
        _commits && _stream.Incremental == Incremental.ServerWindows && _stream.Parent is null ? completedThrough : null;

    /// <summary>Where the bookmark moves at the stream's end: the signpost for windows (all read), else the latest value seen.</summary>
    public DateTimeOffset? AtStreamEnd()
    {
        if (!_commits || !_stream.IsIncremental)
        {
            return null;
        }

        if (_stream.Incremental == Incremental.ServerWindows)
        {
            return Signpost;
        }

        return Interlocked.Read(ref _latest) is var latest && latest == long.MinValue ? null : DateTimeOffset.FromUnixTimeSeconds(latest);
    }

    private void Saw(long seconds)
    {
        long current;
        while (seconds > (current = Interlocked.Read(ref _latest)) && Interlocked.CompareExchange(ref _latest, seconds, current) != current)
        {
        }
    }
}
