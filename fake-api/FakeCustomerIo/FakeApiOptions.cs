namespace FakeCustomerIo;

/// <summary>Everything that shapes one fake Customer.io App API instance.</summary>
/// <remarks>
/// The same options (seed, scale, anchor) always produce the same data, page tokens and fault schedule, so a test can
/// start two servers and compare them, or build its expectations from <see cref="FakeDataset"/> without HTTP.
/// </remarks>
internal sealed record FakeApiOptions
{
    /// <summary>Seed of the data generator. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many records of each kind exist. Default <see cref="FakeScale.Small"/>.</summary>
    public FakeScale Scale { get; init; } = FakeScale.Small;

    /// <summary>The only key accepted for every /v1 route (<c>Authorization: Bearer …</c>).</summary>
    public string ApiKey { get; init; } = "test-key";

    /// <summary>A valid key whose scope only allows <c>GET /v1/workspaces</c>; anything else answers 403.</summary>
    public string ScopedKey { get; init; } = "scoped-key";

    /// <summary>Strict sliding one-second window per server; 0 disables the limit. Default 10 (the real limit).</summary>
    public int RateLimitPerSecond { get; init; } = 10;

    /// <summary>Added before every /v1 response.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Seeded failure injection. Default: none.</summary>
    public FaultOptions Faults { get; init; } = FaultOptions.None;

    /// <summary>
    /// The dataset's "now": generation 0 ends here. Pinned, every <see cref="FakeDataset.Advance"/> adds exactly
    /// <see cref="FakeDataset.GenerationStep"/> (fully deterministic). Null means the real clock at start, truncated to
    /// the minute, minus one hour, so all data lies in the past except the deliberate future activities; advances then
    /// follow the real clock (new records are newer than every earlier request, see <see cref="Data.GenerationClock"/>).
    /// </summary>
    public DateTimeOffset? Anchor { get; init; }

    /// <summary>
    /// The fake's clock: the rate limit, the busiest-window statistics and, without an <see cref="Anchor"/>, the
    /// dataset's "now". The composition root: everything else reads time through it (tests pass a fake one).
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    internal DateTimeOffset ResolveAnchor()
    {
        if (Anchor is { } anchor)
        {
            return anchor;
        }

        var now = Time.GetUtcNow();
        var minute = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return minute.AddHours(-1);
    }
}
