using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>Config and catalog files pointing a tap at one fake server, in a temporary folder removed on dispose.</summary>
internal sealed class TapFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tap-bench-").FullName;

    /// <summary>Early enough for every generated delivery (the fake spreads them over the 200 days before its anchor).</summary>
    public static DateTimeOffset StartDate(FakeApiServer server) => server.Data.Anchor.AddDays(-400);

    /// <summary>A null <paramref name="maxRequestsPerSecond"/> leaves the key out: the tap's default budget (10).</summary>
    public string Config(FakeApiServer server, int? maxRequestsPerSecond, string name = "config.json")
    {
        var config = new JsonObject
        {
            ["api_key"] = server.Options.ApiKey,
            ["base_url"] = server.BaseUrl.GetLeftPart(UriPartial.Authority),
            ["start_date"] = Rfc3339.Format(StartDate(server)),
        };
        if (maxRequestsPerSecond is { } budget)
        {
            config["max_requests_per_second"] = budget;
        }

        return Write(name, config.ToJsonString());
    }

    /// <summary>A config for commands that never call the API (<c>--discover</c>).</summary>
    public string Config(Uri baseUrl) =>
        Write("offline-config.json", new JsonObject { ["api_key"] = "unused", ["base_url"] = baseUrl.GetLeftPart(UriPartial.Authority) }.ToJsonString());

    /// <summary>catalog.sample.json with exactly <paramref name="streams"/> selected on their [] breadcrumb.</summary>
    public string Catalog(params string[] streams)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(BenchPaths.Root, "catalog.sample.json")))!.AsObject();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in catalog["streams"]!.AsArray())
        {
            var name = (string)entry!["stream"]!;
            known.Add(name);
            var top = entry["metadata"]!.AsArray().Single(m => m!["breadcrumb"]!.AsArray().Count == 0)!["metadata"]!.AsObject();
            top["selected"] = streams.Contains(name);
        }

        var missing = streams.Where(s => !known.Contains(s)).ToArray();
        return missing.Length == 0
            ? Write($"catalog-{string.Join('-', streams)}.json", catalog.ToJsonString())
            : throw new ArgumentException($"not in catalog.sample.json: {string.Join(", ", missing)}");
    }

    /// <summary>Writes <paramref name="text"/> to a file of the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name.Length > 80 ? $"{Guid.NewGuid():N}.json" : name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
