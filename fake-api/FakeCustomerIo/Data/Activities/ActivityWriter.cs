using System.Text.Json;
using FakeCustomerIo.Data.People;

namespace FakeCustomerIo.Data.Activities;

/// <summary>Writes one activity. <c>data</c> varies by type (open object); page activities also carry <c>url</c>.</summary>
internal static class ActivityWriter
{
    public static readonly string[] Types =
    [
        "event", "event", "event", "event", "event", "event", "page", "page", "attribute_change", "attribute_change",
        "sent_email", "sent_email", "sent_email", "delivered_email", "delivered_email", "opened_email", "opened_email",
        "clicked_email", "sent_push", "bounced_email",
    ];

    public static string TypeOf(ActivityGenerator g, long key) => Hash.Pick(Hash.Of(g.Seed, Salt.Activity, key, 1), Types);

    public static string NameOf(ActivityGenerator g, long key, string type) => type switch
    {
        "event" => Hash.Pick(Hash.Of(g.Seed, Salt.Activity, key, 2), Words.Events),
        "page" => "https://www.example.com" + Hash.Pick(Hash.Of(g.Seed, Salt.Activity, key, 2), Words.Pages),
        "attribute_change" => Hash.Pick(Hash.Of(g.Seed, Salt.Activity, key, 2), Words.Plans) == "pro" ? "plan" : "city",
        _ => "",
    };

    public static void Write(Utf8JsonWriter w, ActivityGenerator g, long key, long deliveryCount)
    {
        var type = TypeOf(g, key);
        var name = NameOf(g, key, type);
        var person = g.PersonOf(key);
        var h = Hash.Of(g.Seed, Salt.Activity, key, 3);
        w.WriteStartObject();
        w.WriteString("id", g.Id(key));
        w.WriteString("type", type);
        w.WriteNumber("timestamp", g.TimeOf(key));
        w.WriteString("name", name);
        w.WriteString("customer_id", g.People.Id(person));
        w.WritePropertyName("customer_identifiers");
        PersonWriter.WriteIdentifiers(w, g.People, person);
        var delivery = type.Contains('_', StringComparison.Ordinal) && type != "attribute_change";
        if (delivery)
        {
            w.WriteString("delivery_id", Ids.Delivery(g.Seed, (long)(h % (ulong)Math.Max(1, deliveryCount))));
        }
        else
        {
            w.WriteNull("delivery_id");
        }
        // The definition's delivery_type enum is ios, android, email, phone: a push names the device's platform.
        if (delivery)
        {
            w.WriteString("delivery_type", !type.EndsWith("push", StringComparison.Ordinal) ? "email" : h % 2 == 0 ? "ios" : "android");
        }
        else
        {
            w.WriteNull("delivery_type");
        }

        if (type == "page")
        {
            w.WriteString("url", name);
        }

        w.WriteStartObject("data");
        switch (type)
        {
            case "event":
                w.WriteString("product", Hash.Pick(h, Words.Products));
                w.WriteNumber("price", (double)(h % 10_000) / 100);
                w.WriteString("currency", "USD");
                break;
            case "page":
                w.WriteString("referrer", "https://www.google.com/");
                break;
            case "attribute_change":
                w.WriteString("attribute", name);
                w.WriteString("old_value", Hash.Pick(h, Words.Plans));
                w.WriteString("new_value", Hash.Pick(h >> 8, Words.Plans));
                break;
            default:
                w.WriteNumber("campaign_id", 1 + (long)(h % 5));
                // As the definition's delivery data: `delivered` a time, `opened` a flag.
                w.WriteNumber("delivered", g.TimeOf(key));
                w.WriteBoolean("opened", type.StartsWith("opened", StringComparison.Ordinal) || type.StartsWith("clicked", StringComparison.Ordinal));
                if (type.StartsWith("clicked", StringComparison.Ordinal))
                {
                    w.WriteString("href", "https://www.example.com/pricing");
                }

                w.WriteString("ip_address", $"203.0.113.{h % 250}");
                break;
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
