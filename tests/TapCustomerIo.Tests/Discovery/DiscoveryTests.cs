using System.Text.Json.Nodes;
using TapCustomerIo.Schemas;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Discovery;

public sealed class DiscoveryTests
{
    private static async Task<TapRun> DiscoverAsync()
    {
        var run = await TapProcess.RunAsync(["--config", RepoPaths.File("config.sample.json"), "--discover"]);
        Assert.Equal(0, run.ExitCode);
        return run;
    }

    /// <summary>catalog.sample.json is the golden file of discovery; UPDATE_GOLDEN=1 rewrites it.</summary>
    [Fact]
    public async Task Discover_output_is_the_catalog_sample()
    {
        Golden.Match((await DiscoverAsync()).Stdout, "catalog.sample.json");
    }

    [Fact]
    public void Registry_and_schema_files_match_one_to_one()
    {
        var files = Directory.GetFiles(RepoPaths.File("schemas"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, StreamRegistry.All.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(files, SchemaStore.Names);
    }

    [Fact]
    public async Task Every_entry_carries_keys_replication_and_metadata()
    {
        var catalog = JsonNode.Parse((await DiscoverAsync()).Stdout)!;
        var streams = catalog["streams"]!.AsArray();
        Assert.Equal(StreamRegistry.All.Count, streams.Count);
        foreach (var entry in streams.Select(s => s!.AsObject()))
        {
            var name = (string)entry["stream"]!;
            var definition = StreamRegistry.Find(name)!;
            Assert.Equal(name, (string?)entry["tap_stream_id"]);
            var keys = entry["key_properties"]!.AsArray().Select(k => (string)k!).ToArray();
            Assert.Equal(definition.KeyProperties, keys);
            var top = entry["metadata"]!.AsArray().Single(m => m!["breadcrumb"]!.AsArray().Count == 0)!["metadata"]!;
            Assert.Equal(keys, top["table-key-properties"]!.AsArray().Select(k => (string)k!));
            Assert.Equal(definition.SelectedByDefault, (bool)top["selected-by-default"]!);
            Assert.Equal(definition.IsIncremental ? "INCREMENTAL" : "FULL_TABLE", (string?)top["forced-replication-method"]);
            Assert.Equal(definition.ReplicationKey, (string?)entry["replication_key"]);
            if (definition.ReplicationKey is { } rk)
            {
                Assert.Equal([rk], top["valid-replication-keys"]!.AsArray().Select(k => (string)k!));
            }

            var properties = entry["schema"]!["properties"]!.AsObject();
            var fieldMetadata = entry["metadata"]!.AsArray().Where(m => m!["breadcrumb"]!.AsArray().Count == 2).ToArray();
            Assert.Equal(properties.Count, fieldMetadata.Length);
            foreach (var field in fieldMetadata)
            {
                var property = (string)field!["breadcrumb"]![1]!;
                Assert.True(properties.ContainsKey(property));
                var automatic = keys.Contains(property) || property == definition.ReplicationKey;
                Assert.Equal(automatic ? "automatic" : "available", (string?)field["metadata"]!["inclusion"]);
            }
        }
    }

    [Fact]
    public async Task Opt_in_streams_are_the_costly_and_duplicate_ones()
    {
        var catalog = JsonNode.Parse((await DiscoverAsync()).Stdout)!;
        var optIn = catalog["streams"]!.AsArray()
            .Where(s => s!["metadata"]!.AsArray().Single(m => m!["breadcrumb"]!.AsArray().Count == 0)!["metadata"]!["selected-by-default"]!.GetValue<bool>() == false)
            .Select(s => (string)s!["stream"]!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["broadcast_action_link_metrics", "broadcast_link_metrics", "broadcast_messages", "broadcast_trigger_errors",
             "campaign_action_link_metrics", "campaign_link_metrics", "campaign_messages", "customer_activities", "customer_messages",
             "customer_relationships", "customer_segments", "newsletter_link_metrics", "newsletter_messages", "newsletter_variant_link_metrics",
             "object_attributes", "object_relationships", "segment_customer_counts", "transactional_deliveries", "transactional_link_metrics"],
            optIn);
    }

    [Fact]
    public async Task Esp_domains_add_the_domain_to_the_suppression_key()
    {
        using var files = new TempFiles();
        var config = files.Write("c.json", """{"api_key": "k", "esp_domains": ["mail.example.com"]}""");

        var run = await TapProcess.RunAsync(["--config", config, "--discover"]);

        var entry = JsonNode.Parse(run.Stdout)!["streams"]!.AsArray().Single(s => (string)s!["stream"]! == "esp_suppressions")!;
        Assert.Equal(["suppression_type", "domain", "email"], entry["key_properties"]!.AsArray().Select(k => (string)k!));
    }
}
