using TapCustomerIo.Discovery;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Sync;

/// <summary>
/// Singer's ACTIVATE_VERSION for full-table streams, as the singer-io database taps and singer-sdk do it: each full-table
/// sync of a stream gets a new version (Unix milliseconds), kept in the state; every RECORD carries it; a completed sync
/// ends with ACTIVATE_VERSION, so the target drops the rows of older versions: people, segments and suppressions deleted
/// in Customer.io leave the warehouse. An ACTIVATE_VERSION before the records goes out only when the state holds no
/// version of the stream yet (a first load), so a table is never emptied while a run is loading it; an interrupted sync
/// never activates its version. Full table means: a stream without a bookmark, or an incremental one the catalog forces
/// to FULL_TABLE. A child stream gets one version per run, however many parents it is read for.
/// Metric series keyed by a bucket's start (<c>period_start</c>) get no version: the API answers only the last
/// <c>steps</c> periods, so an older bucket leaves the answer without being deleted, and activating would erase history.
/// </summary>
internal sealed class TableVersions
{
    private readonly Dictionary<string, (SelectedStream Stream, long Version, bool First)> _streams = new(StringComparer.Ordinal);
    private readonly TapState _state;

    /// <summary>Reads the stored versions (a corrupt one fails here, before any output) and picks this run's.</summary>
    public TableVersions(IReadOnlyList<SelectedStream> selection, TapState state, TimeProvider time)
    {
        _state = state;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var selected in selection.Where(IsVersioned))
        {
            var stored = state.Version(selected.Definition.Name);
            // Targets keep the rows of the activated version and drop older ones: a version must grow, whatever the clock did.
            _streams[selected.Definition.Name] = (selected, Math.Max(now, (stored ?? 0) + 1), stored is null);
        }
    }

    public static bool IsVersioned(SelectedStream stream) =>
        (!stream.Definition.IsIncremental || stream.FullRefresh) && !stream.Definition.KeyProperties.Contains("period_start");

    /// <summary>The version this run's records of <paramref name="stream"/> carry; null for an incremental stream.</summary>
    public long? Of(string stream) => _streams.TryGetValue(stream, out var entry) ? entry.Version : null;

    /// <summary>Before any record: a first load activates its version at once (an empty table); every stream's new version goes into the state.</summary>
    public void Begin(SingerWriter writer)
    {
        foreach (var (name, (selected, version, first)) in _streams.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (first)
            {
                writer.WriteActivateVersion(name, version);
            }

            _state.SetVersion(selected.Definition, version);
        }
    }

    /// <summary>After the last record of a completed full-table sync: the target may now drop the older rows.</summary>
    public void Complete(string stream, SingerWriter writer)
    {
        if (_streams.TryGetValue(stream, out var entry))
        {
            writer.WriteActivateVersion(stream, entry.Version);
        }
    }
}
