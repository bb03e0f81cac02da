namespace TapCustomerIo.Paging;

/// <summary>
/// Lanes finish in any order; the frontier is the last lane before which every lane is complete. Only it may move a
/// bookmark, so a bookmark never skips a window still being read. Thread-safe.
/// </summary>
internal sealed class LaneFrontier(int lanes)
{
    private readonly bool[] _completed = new bool[lanes];
    private readonly Lock _gate = new();
    private int _next;

    /// <summary>Marks lane <paramref name="index"/> complete; returns the new last lane of the frontier if it moved, else null.</summary>
    public int? Complete(int index)
    {
        lock (_gate)
        {
            _completed[index] = true;
            var before = _next;
            while (_next < _completed.Length && _completed[_next])
            {
                _next++;
            }

            return _next > before ? _next - 1 : null;
        }
    }
}
