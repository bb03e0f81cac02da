using System.Globalization;
using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

internal static partial class CatalogBuilder
{
    private static readonly string[] ActionTypes = ["email", "email", "email", "push", "twilio", "webhook", "in_app", "slack"];

    /// <summary>
    /// One action. With <paramref name="idsAsStrings"/> (campaign actions) <c>id</c>, <c>from_id</c> and
    /// <c>reply_to_id</c> are written as JSON strings, the live API's quirk.
    /// </summary>
    private static readonly Lock LongBodyGate = new();
    private static string _longBody = "";

    /// <summary>A shared body of about <paramref name="chars"/> characters of non-ASCII paragraphs ("" for 0).</summary>
    private static string LongBody(int chars)
    {
        if (chars <= 0)
        {
            return "";
        }

        lock (LongBodyGate)
        {
            if (_longBody.Length != chars)
            {
                var text = new System.Text.StringBuilder(chars + 64);
                for (var k = 0; text.Length < chars; k++)
                {
                    text.Append("<p>").Append(Words.Sentences[k % Words.Sentences.Length]).Append("</p>\n");
                }

                _longBody = text.ToString(0, chars);
            }
            return _longBody;
        }
    }

    private static MessageAction BuildAction(Draw d, long actionId, long? campaignId, long? broadcastId, long parentCreated,
        long anchor, IReadOnlyList<SenderIdentity> senders, bool idsAsStrings, int bodyChars)
    {
        var type = Hash.Pick(d.H(1), ActionTypes);
        var email = type == "email";
        var sender = senders.Count > 0 ? Hash.Pick(d.H(2), senders) : null;
        object? AsId(long? value) => value is null ? null : idsAsStrings ? value.Value.ToString(CultureInfo.InvariantCulture) : value.Value;
        var created = parentCreated + d.Between(3, 60, 30 * Day);
        return new MessageAction
        {
            Key = actionId,
            Id = AsId(actionId)!,
            CampaignId = campaignId,
            BroadcastId = broadcastId,
            DeduplicateId = $"{actionId}:{created}",
            Name = $"{Words.Title(type)} {actionId}",
            Type = type,
            Created = created,
            Updated = UpdatedAfter(d, 4, anchor, created),
            SendingState = d.Chance(5, 0.85) ? "automatic" : d.Chance(6, 0.5) ? "draft" : "off",
            Language = d.Chance(7, 0.8) ? "" : "fr",
            Layout = email ? "<html><body>{{content}}</body></html>" : null,
            Body = type == "webhook" ? "{\"event\":\"{{event.name}}\"}"
                : $"Hello {{{{customer.first_name}}}}, this is message {actionId}." + LongBody(bodyChars),
            BodyAmp = null,
            Editor = email ? "rich" : null,
            From = email && sender is not null ? $"{sender.Name} <{sender.Email}>" : null,
            FromId = email ? AsId(sender?.Id) : null,
            ReplyTo = email ? "support@example.com" : null,
            ReplyToId = email ? AsId(sender?.Id) : null,
            SenderIdentityId = email ? sender?.Id : null,
            Recipient = type switch { "email" => "{{customer.email}}", "twilio" => "{{customer.phone}}", _ => null },
            Subject = email ? Hash.Pick(d.H(8), Words.Subjects) : null,
            PreheaderText = email ? "Open me" : null,
            Preprocessor = email ? "premailer" : null,
            Headers = email ? "[{\"name\":\"X-Campaign\",\"value\":\"" + actionId.ToString(CultureInfo.InvariantCulture) + "\"}]" : null,
            FakeBcc = false,
            Url = type == "webhook" ? "https://hooks.example.com/cio" : null,
            Method = type == "webhook" ? "post" : null, // the definition's enum is lower case
            RequestMethod = type == "webhook" ? "POST" : null,
            Tracked = email,
            SendToUnsubscribed = false,
            ImageUrl = type == "push" ? "https://cdn.example.com/push.png" : null,
            Links = email ? [new Link(actionId * 10 + 1, $"https://www.example.com/a/{actionId}")] : [],
        };
    }
}
