using TapCustomerIo.Streams.Definitions;

namespace TapCustomerIo.Streams;

/// <summary>Every stream the tap knows, in catalog order (alphabetical, as discovery prints them).</summary>
internal static class StreamRegistry
{
    public static IReadOnlyList<StreamDefinition> All { get; } =
        Campaigns.All.Concat(Broadcasts.All).Concat(Newsletters.All).Concat(Deliveries.All).Concat(People.All)
            .Concat(Segments.All).Concat(Objects.All).Concat(Transactional.All).Concat(Workspace.All)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();

    private static readonly Dictionary<string, StreamDefinition> ByName = All.ToDictionary(s => s.Name);

    public static StreamDefinition? Find(string name) => ByName.GetValueOrDefault(name);
}
