using System.Text.Json;
using System.Text.Json.Nodes;
using FakeCustomerIo;
using TapCustomerIo.Singer;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>
/// Where Customer.io's definition and the clients disagree on a response's shape (issue 11), the fake serves each
/// reading and the tap must emit the same truth under both; values and their JSON types are checked field by field.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ResponseShapeTests
{
    private const int People = 120;

    /// <summary>The definition documents these four per-delivery metrics as counts ("The number of ...").</summary>
    private static readonly HashSet<string> Counts = ["human_opened", "human_clicked", "prefetch_opened", "prefetch_clicked"];

    private static readonly string[] DeliveryStreams =
        ["messages", "campaign_messages", "broadcast_messages", "newsletter_messages", "transactional_deliveries", "customer_messages"];

    private static FakeApiOptions Options => new() { RateLimitPerSecond = 0, Scale = FakeScale.Small with { People = People } };

    [Fact]
    public async Task Delivery_metrics_keep_the_four_counts_as_integers_and_emit_the_times_as_date_times()
    {
        await using var harness = await SyncHarness.StartAsync(Options);
        var data = harness.Server.Data;

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog(DeliveryStreams));

        var indexes = data.DeliveryIndexes();
        var countsSeen = new HashSet<string>();
        foreach (var stream in DeliveryStreams)
        {
            var records = transcript.Records(stream).ToList();
            Assert.True(records.Count > 0, $"{stream}: no records");

            // Person messages declare only what their definition documents (sent, delivered); other keys pass as sent.
            HashSet<string>? declaredTimes = stream == "customer_messages" ? ["sent", "delivered"] : null;
            foreach (var record in records)
            {
                var truth = data.DeliveryMetricValues(indexes[(string)record["id"]!]);
                var metrics = record["metrics"]!.AsObject();
                Assert.Equal(truth.Keys.Order(), metrics.Select(m => m.Key).Order());
                foreach (var (name, value) in metrics)
                {
                    var isTime = declaredTimes?.Contains(name) ?? !Counts.Contains(name);
                    if (isTime)
                    {
                        Assert.Equal(JsonValueKind.String, value!.GetValueKind());
                        Assert.Equal(Rfc3339.Format(DateTimeOffset.FromUnixTimeSeconds(truth[name])), (string)value!);
                    }
                    else
                    {
                        Assert.Equal(JsonValueKind.Number, value!.GetValueKind());
                        Assert.Equal(truth[name], (long)value!);
                        if (Counts.Contains(name))
                        {
                            countsSeen.Add($"{stream}.{name}");
                        }
                    }
                }
            }
        }

        // The fake's data does exercise every count on the global list (so the assertions above could fail).
        Assert.Subset(countsSeen, Counts.Select(c => $"messages.{c}").ToHashSet());
    }

    [Theory]
    [InlineData("customer_identifiers")]
    [InlineData("identifiers")]
    public async Task Transactional_deliveries_keep_the_person_under_either_name(string served)
    {
        var options = Options with
        {
            TransactionalIdentifiers = served == "identifiers" ? TransactionalIdentifiers.Identifiers : TransactionalIdentifiers.CustomerIdentifiers,
        };
        await using var harness = await SyncHarness.StartAsync(options);
        var data = harness.Server.Data;

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("transactional_deliveries"));

        var indexes = data.DeliveryIndexes();
        var other = served == "identifiers" ? "customer_identifiers" : "identifiers";
        var records = transcript.Records("transactional_deliveries").ToList();
        Assert.NotEmpty(records);
        var withPerson = 0;
        foreach (var record in records)
        {
            Assert.False(record.ContainsKey(other), $"'{other}' emitted although the API sent '{served}'");
            var facts = data.Deliveries.Facts(indexes[(string)record["id"]!]);
            if (facts.Forgotten)
            {
                Assert.Null(record[served]);
                continue;
            }

            Assert.Equal(data.People.CioId(facts.Person), (string?)record[served]!["cio_id"]);
            withPerson++;
        }

        Assert.True(withPerson > 0);
    }

    [Theory]
    [InlineData("documented")]
    [InlineData("legacy")]
    public async Task Customer_relationships_carry_the_relationship_attributes_and_their_timestamps(string shape)
    {
        var documented = shape == "documented";
        var options = Options with { Relationships = documented ? RelationshipShape.Documented : RelationshipShape.Legacy };
        await using var harness = await SyncHarness.StartAsync(options);
        var data = harness.Server.Data;

        var transcript = await harness.SyncAsync(harness.Config(), harness.Catalog("customer_relationships"));

        var truth = data.AllCioIds().SelectMany(cio => data.Relationships(cio).Select(r => (Cio: cio, Relationship: r))).ToList();
        Assert.NotEmpty(truth);
        Assert.Equal(truth.Select(t => $"\"{t.Cio}\"|\"{t.Relationship.TypeId}\"|\"{t.Relationship.ObjectId}\"").Order(),
            transcript.Keys("customer_relationships").Order());
        var records = transcript.Records("customer_relationships")
            .ToDictionary(r => ((string)r["customer_cio_id"]!, (string)r["object_type_id"]!, (string)r["object_id"]!));
        foreach (var (cio, r) in truth)
        {
            var record = records[(cio, r.TypeId, r.ObjectId)];
            Assert.Equal(JsonValueKind.String, record["object_type_id"]!.GetValueKind()); // joins with objects' string key
            Assert.Equal(r.CioObjectId, (string?)record["cio_object_id"]);
            var role = new JsonObject { ["role"] = r.Role };
            if (documented)
            {
                Assert.True(JsonNode.DeepEquals(role, record["attributes"]), record.ToJsonString());
                var since = new JsonObject { ["role"] = Rfc3339.Format(DateTimeOffset.FromUnixTimeSeconds(r.Since)) };
                Assert.True(JsonNode.DeepEquals(since, record["timestamps"]), record.ToJsonString());
                Assert.False(record.ContainsKey("relationship_attributes"));
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(role, record["relationship_attributes"]), record.ToJsonString());
                Assert.False(record.ContainsKey("attributes"));
            }
        }
    }
}
