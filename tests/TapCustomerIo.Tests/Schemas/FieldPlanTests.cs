using System.Text;
using System.Text.Json;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Tests.Schemas;

/// <summary>Plans compiled from the shipped schemas convert nested values field by field, not one rule per map.</summary>
public sealed class FieldPlanTests
{
    private static string Write(string stream, string property, string json)
    {
        var plan = FieldPlan.Compile(SchemaStore.Load(stream)["properties"]![property]);
        using var document = RawDocument.Parse(json);
        var buffer = new LineBuffer(16);
        ValueWriter.Write(buffer, document.Root, plan);
        return Encoding.UTF8.GetString(buffer.Written);
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("campaign_messages")]
    [InlineData("broadcast_messages")]
    [InlineData("newsletter_messages")]
    [InlineData("transactional_deliveries")]
    public void Delivery_metrics_keep_the_counts_and_convert_only_the_times(string stream)
    {
        var written = Write(stream, "metrics",
            """{"sent":1714564800,"human_opened":3,"prefetch_opened":1,"human_clicked":2,"prefetch_clicked":0,"opened":1714564801,"new_metric":7}""");

        Assert.Equal(
            """{"sent":"2024-05-01T12:00:00Z","human_opened":3,"prefetch_opened":1,"human_clicked":2,"prefetch_clicked":0,"opened":"2024-05-01T12:00:01Z","new_metric":7}""",
            written);
    }

    [Fact]
    public void Person_message_metrics_convert_what_their_definition_declares_and_keep_the_rest()
    {
        Assert.Equal("""{"sent":"2024-05-01T12:00:00Z","delivered":"2024-05-01T12:00:01Z","opened":1714564802,"human_opened":2}""",
            Write("customer_messages", "metrics", """{"sent":1714564800,"delivered":1714564801,"opened":1714564802,"human_opened":2}"""));
    }

    [Fact]
    public void Relationship_timestamps_become_date_times_and_attributes_stay_as_sent()
    {
        Assert.Equal("""{"role":"2024-05-01T12:00:00Z","since":"2024-05-01T12:00:01Z"}""",
            Write("customer_relationships", "timestamps", """{"role":1714564800,"since":1714564801}"""));
        Assert.Equal("""{"role":"owner","seats":3}""", Write("customer_relationships", "attributes", """{"role":"owner","seats":3}"""));
        Assert.Equal("\"7\"", Write("customer_relationships", "object_type_id", "7"));
    }
}
