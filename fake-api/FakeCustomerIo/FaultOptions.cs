namespace FakeCustomerIo;

/// <summary>
/// Seeded, reproducible failures. For each /v1 request that passed auth and the rate limit, a key is built from
/// (method, path, query, body) and the attempt number for that key (how often the same key was seen before). A fault is
/// injected iff hash(Seed, key, attempt) falls under <see cref="Rate"/> and attempt &lt; <see cref="MaxConsecutive"/>, so
/// a client that retries every failure at least MaxConsecutive + 1 times always ends with the fault-free answer.
/// </summary>
internal sealed record FaultOptions
{
    /// <summary>Probability (0..1) that an attempt below <see cref="MaxConsecutive"/> fails.</summary>
    public double Rate { get; init; }

    public int Seed { get; init; } = 7;

    /// <summary>The same request never fails more often than this in a row. Default 2.</summary>
    public int MaxConsecutive { get; init; } = 2;

    /// <summary>Delay of a <see cref="FaultKinds.Slow"/> fault before the correct answer. Default 3 s.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(3);

    public FaultKinds Kinds { get; init; } = FaultKinds.All;

    public static FaultOptions None { get; } = new();
}

[Flags]
internal enum FaultKinds
{
    None = 0,
    /// <summary>500 with the standard error envelope.</summary>
    Status500 = 1,
    Status502 = 2,
    Status503 = 4,
    Status504 = 8,
    /// <summary>The connection is aborted before any response.</summary>
    ConnectionReset = 16,
    /// <summary>200, a Content-Length for the full body, the first half of the JSON, then an abort.</summary>
    TruncatedBody = 32,
    /// <summary>The correct answer after <see cref="FaultOptions.SlowDelay"/>.</summary>
    Slow = 64,
    /// <summary>429 with the error envelope but no Retry-After (what a daily quota looks like).</summary>
    TooManyRequests = 128,
    ServerErrors = Status500 | Status502 | Status503 | Status504,
    All = ServerErrors | ConnectionReset | TruncatedBody | Slow | TooManyRequests,
}
