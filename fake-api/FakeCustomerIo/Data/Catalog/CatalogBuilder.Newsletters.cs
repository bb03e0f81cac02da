using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

internal static partial class CatalogBuilder
{
    private static readonly string[] Languages = ["", "fr", "de"];

    private static List<Newsletter> BuildNewsletters(long seed, FakeScale scale, long anchor, IReadOnlyList<Segment> segments,
        IReadOnlyList<SubscriptionTopic> topics, IReadOnlyList<SenderIdentity> senders, IdCounter ids)
    {
        var list = new List<Newsletter>(scale.Newsletters);
        for (var i = 0; i < scale.Newsletters; i++)
        {
            var d = new Draw(seed, Salt.Catalog, 3_000 + i);
            var id = i + 1L;
            var created = Ago(d, 1, anchor, 30, 500);
            var contents = Enumerable.Range(0, (int)d.Between(2, 1, 3))
                .Select(k => BuildContent(d.Scope(k), ids.NextContent(), id, null, created, senders, Languages[k % Languages.Length]))
                .ToList();
            list.Add(new Newsletter
            {
                Id = id,
                DeduplicateId = $"{id}:{created}",
                Name = $"Newsletter {created / Day % 1000}: {d.Pick(3, Words.Subjects)}",
                Created = created,
                Updated = UpdatedAfter(d, 4, anchor, created),
                SentAt = d.Chance(5, 0.8) ? created + Day : null,
                ContentIds = [.. contents.Select(c => c.Id)],
                RecipientSegmentIds = segments.Count > 0 ? [d.Pick(6, segments).Id] : [],
                Tags = d.Chance(7, 0.5) ? [d.Pick(8, Words.Tags)] : null,
                SubscriptionTopicId = topics.Count > 0 && d.Chance(9, 0.5) ? d.Pick(10, topics).Id : null,
                SendState = d.Chance(5, 0.8) ? "sent" : "draft",
                Timezone = "America/New_York",
                TzMatchEnabled = d.Chance(11, 0.2),
                ExpiresAfter = null,
                Contents = contents,
                TestGroups = BuildTestGroups(d, contents),
                Links = BuildLinks(d, ids, "news.example.com"),
            });
        }
        return list;
    }

    /// <summary>A/B groups: ids restart at 0 in every newsletter; newsletters with one content have none.</summary>
    private static List<TestGroup> BuildTestGroups(Draw d, IReadOnlyList<Content> contents)
    {
        if (contents.Count < 2)
        {
            return [];
        }

        var winner = (int)d.Between(30, 0, contents.Count - 1);
        return [.. contents.Select((c, k) => new TestGroup(k, ((char)('A' + k)).ToString(), $"Variant {(char)('A' + k)}", k == winner, [c.Id]))];
    }

    private static Content BuildContent(Draw d, long contentId, long? newsletterId, long? transactionalId, long created,
        IReadOnlyList<SenderIdentity> senders, string language)
    {
        var sender = senders.Count > 0 ? d.Pick(1, senders) : null;
        return new Content
        {
            Id = contentId,
            NewsletterId = newsletterId,
            TransactionalId = transactionalId,
            DeduplicateId = $"{contentId}:{created}",
            Name = $"Variant {contentId}",
            Layout = "<html><body>{{content}}</body></html>",
            Body = $"<p>Content {contentId}</p>",
            Language = language,
            From = sender is null ? null : $"{sender.Name} <{sender.Email}>",
            FromId = sender?.Id,
            ReplyTo = "support@example.com",
            ReplyToId = sender?.Id,
            Preprocessor = "premailer",
            Recipient = "{{customer.email}}",
            Subject = d.Pick(2, Words.Subjects),
            PreheaderText = "",
            Headers = "[]",
            Created = created,
            Updated = created + 600,
        };
    }
}
