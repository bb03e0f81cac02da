namespace FakeCustomerIo.Data;

/// <summary>Deterministic "random" choices for one generator scope: every draw is keyed, never sequential.</summary>
internal readonly struct Draw(long seed, Salt salt, long scope)
{
    public ulong H(long a, long b = 0) => Hash.Of(seed, salt, scope, a, b);

    public T Pick<T>(long a, IReadOnlyList<T> items) => Hash.Pick(H(a, 1), items);

    public long Between(long a, long lo, long hiInclusive) => lo + (long)(H(a, 2) % (ulong)(hiInclusive - lo + 1));

    public bool Chance(long a, double p) => Hash.Unit(H(a, 3)) < p;

    public Draw Scope(long sub) => new(seed, salt, (long)Hash.Mix((ulong)scope ^ Hash.Mix((ulong)sub)));
}
