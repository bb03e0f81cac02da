using TapCustomerIo.Config;
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
    private List<StreamNode> BuildTree(IReadOnlyList<SelectedStream> selection) => BuildTree(selection, config, state, _signpost, Quota);

    /// <summary>The tree a sync with these inputs runs; <c>--estimate</c> plans the same one.</summary>
    internal static List<StreamNode> BuildTree(IReadOnlyList<SelectedStream> selection, TapConfig config, TapState state,
        DateTimeOffset signpost, RecordQuota? quota)
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
            var bookmark = selected is { FullRefresh: false } && definition.IsIncremental ? state.Bookmark(definition) : null;
            var policy = IncrementalPolicy.For(definition, config, bookmark, signpost, commits: selected is not null);
            nodes[definition.Name] = new StreamNode(definition, plan, quota is null ? policy : policy.Sample(RecordQuota.RecentWindow));
        }

        foreach (var node in nodes.Values.Where(n => n.Definition.Parent is not null))
        {
            nodes[node.Definition.Parent!.Stream].Children.Add(node);
        }

        return nodes.Values.Where(n => n.Definition.Parent is null).ToList();
    }
}
