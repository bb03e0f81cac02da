using System.Text.Json;

namespace FakeCustomerIo.Data.Deliveries;

/// <summary>
/// Writes one delivery straight to the response (hot path of the benchmark: no per-record object graph).
/// Every documented field is present; ids of the other parent kinds are null.
/// </summary>
internal static partial class DeliveryWriter
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id"), Dedupe = JsonEncodedText.Encode("deduplicate_id"),
        Created = JsonEncodedText.Encode("created"), CustomerId = JsonEncodedText.Encode("customer_id"),
        Identifiers = JsonEncodedText.Encode("customer_identifiers"), Email = JsonEncodedText.Encode("email"),
        CioId = JsonEncodedText.Encode("cio_id"), Recipient = JsonEncodedText.Encode("recipient"), Subject = JsonEncodedText.Encode("subject"),
        Type = JsonEncodedText.Encode("type"), Metrics = JsonEncodedText.Encode("metrics"), Failure = JsonEncodedText.Encode("failure_message"),
        CampaignId = JsonEncodedText.Encode("campaign_id"), ActionId = JsonEncodedText.Encode("action_id"),
        ParentActionId = JsonEncodedText.Encode("parent_action_id"), NewsletterId = JsonEncodedText.Encode("newsletter_id"),
        ContentId = JsonEncodedText.Encode("content_id"), BroadcastId = JsonEncodedText.Encode("broadcast_id"),
        TransactionalId = JsonEncodedText.Encode("transactional_message_id"), TriggerEvent = JsonEncodedText.Encode("trigger_event_id"),
        Forgotten = JsonEncodedText.Encode("forgotten"), TemplateId = JsonEncodedText.Encode("message_template_id"),
        MsgTemplateId = JsonEncodedText.Encode("msg_template_id");

    private static readonly JsonEncodedText[] MetricNames = [.. DeliveryMetrics.Names.Select(n => JsonEncodedText.Encode(n))];

    /// <summary>The name of the person's identifiers object under <paramref name="shape"/>.</summary>
    public static JsonEncodedText IdentifiersName(TransactionalIdentifiers shape) =>
        shape == TransactionalIdentifiers.Identifiers ? JsonEncodedText.Encode("identifiers") : Identifiers;

    /// <param name="identifiers">Name of the person's identifiers object (default <c>customer_identifiers</c>).</param>
    public static void Write(Utf8JsonWriter w, DeliveryGenerator g, long i, JsonEncodedText? identifiers = null)
    {
        var f = g.Facts(i);
        var people = g.People;
        Span<char> buf = stackalloc char[128];
        w.WriteStartObject();
        Ids.Delivery(g.Seed, i, buf);
        w.WriteString(IdName, buf[..Ids.DeliveryIdLength]);
        buf.TryWrite($"{f.Parent?.Id ?? 0}:{f.Created}", out var n);
        w.WriteString(Dedupe, buf[..n]);
        w.WriteNumber(Created, f.Created);
        if (f.Forgotten)
        {
            // Quirk: deliveries of forgotten (deleted) people carry no identifiers at all.
            w.WriteNull(CustomerId);
            w.WriteNull(identifiers ?? Identifiers);
        }
        else
        {
            Span<char> id = stackalloc char[32];
            var idLength = people.FormatId(f.Person, id);
            if (idLength < 0)
            {
                w.WriteNull(CustomerId);
            }
            else
            {
                w.WriteString(CustomerId, id[..idLength]);
            }

            w.WriteStartObject(identifiers ?? Identifiers);
            if (idLength < 0)
            {
                w.WriteNull(IdName);
            }
            else
            {
                w.WriteString(IdName, id[..idLength]);
            }

            w.WriteString(Email, buf[..people.FormatEmail(f.Person, buf)]);
            w.WriteString(CioId, buf[..people.FormatCioId(f.Person, buf)]);
            w.WriteEndObject();
        }
        WriteRecipient(w, f, people, buf);
        if (f.Type == "email")
        {
            w.WriteString(Subject, Hash.Pick((ulong)f.ChildId * 31, Words.Subjects));
        }
        else
        {
            w.WriteNull(Subject);
        }

        w.WriteString(Type, f.Type);
        w.WriteStartObject(Metrics);
        for (var k = 0; k < MetricNames.Length; k++)
        {
            if (f.Metrics.Contains(k))
            {
                w.WriteNumber(MetricNames[k], f.Metrics.ValueOf(k));
            }
        }

        w.WriteEndObject();
        if (f.Metrics.Failed)
        {
            w.WriteString(Failure, "SMTP 550: mailbox unavailable");
        }
        else
        {
            w.WriteNull(Failure);
        }

        WriteParentIds(w, f);
        if (f.Parent?.Kind == Deliveries.ParentKind.Campaign && i % 5 == 0)
        {
            Ids.Activity(g.Seed, -i - 1, f.Created, buf);
            w.WriteString(TriggerEvent, buf[..Ids.ActivityIdLength]);
        }
        else
        {
            w.WriteNull(TriggerEvent);
        }

        w.WriteBoolean(Forgotten, f.Forgotten);
        w.WriteEndObject();
    }
}
