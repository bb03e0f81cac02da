using System.Text.Json.Nodes;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Contract;

/// <summary>
/// The read operations of Customer.io's published App API definition (spec/customerio-app-read.json, see
/// spec/README.md), looked up by method and concrete path.
/// </summary>
internal sealed class SpecDigest
{
    private readonly IReadOnlyList<SpecOperation> _operations;

    private SpecDigest(IReadOnlyList<SpecOperation> operations) => _operations = operations;

    public static SpecDigest Instance { get; } = Load();

    /// <summary>The operation whose template matches (a <c>{param}</c> segment matches any one segment); where several
    /// match, the one with the most literal segments.</summary>
    public SpecOperation? Find(string method, string path)
    {
        var segments = path.Split('/').Select(Uri.UnescapeDataString).ToArray();
        return _operations
            .Where(o => o.Method == method && o.Segments.Length == segments.Length)
            .Where(o => o.Segments.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            .MaxBy(o => o.Segments.Count(s => !s.StartsWith('{')));
    }

    private static SpecDigest Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(RepoPaths.File("tests", "TapCustomerIo.Tests", "Contract", "spec", "customerio-app-read.json")))!;
        return new SpecDigest([.. root["operations"]!.AsArray().Select(o => new SpecOperation(o!.AsObject()))]);
    }
}
