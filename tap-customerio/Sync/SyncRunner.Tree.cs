using TapCustomerIo.Discovery;
using TapCustomerIo.Schemas;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Sync;

internal sealed partial class SyncRunner
{
    /// <summary>
    /// The streams to run: every selected stream and every ancestor a selected stream needs as its parent (walked, not
    /// written). Returns the top-level streams.
    /// </summary>
    private List<StreamNode> BuildTree(IReadOnlyList<SelectedStream> selection)
    {
        var chosen = selection.ToDictionary(s => s.Definition.Name);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in chosen.Keys)
        {
            for (var stream = StreamRegistry.Find(name); stream is not null; stream = stream.Parent is { } p ? StreamRegistry.Find(p.Stream) : null)
            {
                needed.Add(stream.Name);
            }
        }

        var nodes = new Dictionary<string, StreamNode>(StringComparer.Ordinal);
        foreach (var definition in StreamRegistry.All.Where(d => needed.Contains(d.Name)))
        {
            chosen.TryGetValue(definition.Name, out var selected);
            var plan = selected is null ? null : new RecordPlan(definition.Name, SchemaStore.Load(definition.Name), selected.Fields);
            var since = Since(definition, selected);
            nodes[definition.Name] = new StreamNode(definition, plan, Quota is null ? since : RecordQuota.Since(definition, since, _signpost));
        }

        foreach (var node in nodes.Values.Where(n => n.Definition.Parent is not null))
        {
            nodes[node.Definition.Parent!.Stream].Children.Add(node);
        }

        return nodes.Values.Where(n => n.Definition.Parent is null).ToList();
    }

    /// <summary>The bookmark minus the stream's lookback, floored at start_date; one second before start_date on a first run.</summary>
    private DateTimeOffset? Since(StreamDefinition definition, SelectedStream? selected)
    {
        if (!definition.IsIncremental)
        {
            return null;
        }

        var floor = config.StartDate.AddSeconds(-1);
        if (selected is null || selected.FullRefresh || state.Bookmark(definition) is not { } bookmark)
        {
            return floor;
        }

        var lookback = definition.Lookback?.Invoke(config) ?? TimeSpan.FromMinutes(config.LookbackMinutes);
        var since = bookmark - lookback;
        return since > floor ? since : floor;
    }
}
