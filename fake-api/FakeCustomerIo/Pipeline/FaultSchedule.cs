using System.Collections.Concurrent;
using FakeCustomerIo.Data;

namespace FakeCustomerIo.Pipeline;

/// <summary>
/// Decides, reproducibly, whether a request fails: attempt n of key k fails iff n &lt; MaxConsecutive and
/// hash(seed, k, n) &lt; Rate. The same requests in the same order give the same faults on every server with the
/// same fault seed.
/// </summary>
internal sealed class FaultSchedule(FaultOptions options)
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly FaultKinds[] _kinds = [.. Enum.GetValues<FaultKinds>()
        .Where(k => k != FaultKinds.None && (k & (k - 1)) == 0 && options.Kinds.HasFlag(k))];

    public FaultKinds Next(string method, string pathAndQuery, string body)
    {
        if (options.Rate <= 0 || _kinds.Length == 0)
        {
            return FaultKinds.None;
        }

        var key = $"{method} {pathAndQuery}\n{body}";
        var attempt = _attempts.AddOrUpdate(key, 0, (_, n) => n + 1);
        if (attempt >= options.MaxConsecutive)
        {
            return FaultKinds.None;
        }

        var roll = Hash.Mix(Hash.OfString((ulong)options.Seed, key) ^ Hash.Mix((ulong)attempt + 1));
        if (Hash.Unit(roll) >= options.Rate)
        {
            return FaultKinds.None;
        }

        return _kinds[(int)(Hash.Mix(roll) % (ulong)_kinds.Length)];
    }

    /// <summary>Forget the attempt counts, so the next run sees the same schedule as a fresh server.</summary>
    public void Reset() => _attempts.Clear();
}
