using System.Text.Json;

namespace FakeCustomerIo.Data.Deliveries;

internal static partial class DeliveryWriter
{
    private static void WriteRecipient(Utf8JsonWriter w, in DeliveryFacts f, People.PeopleGenerator people, Span<char> buf)
    {
        switch (f.Type)
        {
            case "email" when !f.Forgotten: w.WriteString(Recipient, buf[..people.FormatEmail(f.Person, buf)]); break;
            case "twilio": buf.TryWrite($"+1555{f.Person % 10_000_000:D7}", out var n); w.WriteString(Recipient, buf[..n]); break;
            case "push":
                var length = people.FormatCioId(f.Person, buf);
                "-device".CopyTo(buf[length..]);
                w.WriteString(Recipient, buf[..(length + 7)]);
                break;
            case "webhook": w.WriteString(Recipient, "https://hooks.example.com/cio"); break;
            case "slack": w.WriteString(Recipient, "#alerts"); break;
            default: w.WriteNull(Recipient); break;
        }
    }

    private static void WriteParentIds(Utf8JsonWriter w, in DeliveryFacts f)
    {
        var kind = f.Parent?.Kind;
        var id = f.Parent?.Id ?? 0;
        void Number(JsonEncodedText name, bool present, long value) { if (present)
            {
                w.WriteNumber(name, value);
            }
            else
            {
                w.WriteNull(name);
            }
        }
        var action = kind is ParentKind.Campaign or ParentKind.Broadcast;
        Number(CampaignId, kind == ParentKind.Campaign, id);
        Number(ActionId, action, f.ChildId);
        w.WriteNull(ParentActionId);
        Number(NewsletterId, kind == ParentKind.Newsletter, id);
        Number(ContentId, kind is ParentKind.Newsletter or ParentKind.Transactional, f.ChildId);
        Number(BroadcastId, kind == ParentKind.Broadcast, id);
        Number(TransactionalId, kind == ParentKind.Transactional, id);
        Number(TemplateId, action, f.ChildId);
        Number(MsgTemplateId, action, f.ChildId);
    }
}
