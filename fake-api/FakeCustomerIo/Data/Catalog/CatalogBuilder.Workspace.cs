using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

internal static partial class CatalogBuilder
{
    private static List<Collection> BuildCollections(long seed, FakeScale scale, long anchor) =>
        [.. Enumerable.Range(0, scale.Collections).Select(i =>
        {
            var d = new Draw(seed, Salt.Catalog, 5_000 + i);
            var created = Ago(d, 1, anchor, 20, 400);
            var rows = d.Between(2, 1, 5_000);
            return new Collection(i + 1, $"{d.Pick(3, Words.Products).ToLowerInvariant().Replace(' ', '_')}_{i + 1}", rows * 64, rows,
                ["sku", "name", "price"], created, UpdatedAfter(d, 4, anchor, created));
        })];

    private static List<Export> BuildExports(long seed, FakeScale scale, long anchor) =>
        [.. Enumerable.Range(0, scale.Exports).Select(i =>
        {
            var d = new Draw(seed, Salt.Catalog, 6_000 + i);
            var created = Ago(d, 1, anchor, 1, 300);
            var type = i % 2 == 0 ? "customers" : "deliveries";
            return new Export(i + 1, 7, "ops@example.com", type, $"{type} export {i + 1}", "done", false,
                d.Between(2, 10, 90_000), d.Between(3, 0, 5), $"{i + 1}:{created}", created, UpdatedAfter(d, 4, anchor, created));
        })];

    private static List<Snippet> BuildSnippets(long seed, FakeScale scale, long anchor) =>
        [.. Enumerable.Range(0, scale.Snippets).Select(i =>
        {
            var d = new Draw(seed, Salt.Catalog, 7_000 + i);
            return new Snippet($"snippet_{i + 1}", $"<p>Footer {i + 1}</p>", Ago(d, 1, anchor, 1, UpdatedWithinDays));
        })];

    private static List<TransactionalMessage> BuildTransactional(long seed, FakeScale scale, long anchor,
        IReadOnlyList<SenderIdentity> senders, IdCounter ids) =>
        [.. Enumerate(scale.TransactionalMessages).Select(i =>
        {
            var d = new Draw(seed, Salt.Catalog, 8_000 + i);
            var created = Ago(d, 1, anchor, 30, 700);
            var id = i + 1L;
            var contents = Enumerable.Range(0, (int)d.Between(2, 1, 2))
                .Select(k => BuildContent(d.Scope(k), ids.NextContent(), null, id, created, senders, Languages[k]))
                .ToList();
            return new TransactionalMessage(id, $"Transactional {d.Pick(3, Words.Subjects)}", d.Chance(4, 0.5) ? "Sent by the app" : null,
                $"trigger_{id}", false, true, true, false, d.Chance(5, 0.2),
                created, UpdatedAfter(d, 6, anchor, created))
            { Contents = contents, Links = BuildLinks(d, ids, "app.example.com") };
        })];

    /// <summary>Every third sender identity is hidden: <c>hidden=true</c> lists only those.</summary>
    private static List<SenderIdentity> BuildSenderIdentities(long seed, FakeScale scale, long anchor) =>
        [.. Enumerable.Range(0, scale.SenderIdentities).Select(i =>
        {
            var d = new Draw(seed, Salt.Catalog, 9_000 + i);
            var name = Words.Title(d.Pick(1, Words.FirstNames));
            var sms = i % 4 == 3;
            return new SenderIdentity(i + 1, $"{i + 1}:{anchor / Day}", $"{name} at Example", $"{name.ToLowerInvariant()}@example.com",
                i % 2 == 0 ? "1 Main St, Springfield" : null, sms ? "phone" : "email", i == 0, i % 3 == 2, sms ? $"+1555010{i:D4}" : null);
        })];

    private static List<ObjectType> BuildObjectTypes(FakeScale scale)
    {
        (string Name, string Singular, string Icon)[] kinds = [("Companies", "Company", "building"), ("Accounts", "Account", "wallet"), ("Projects", "Project", "folder"), ("Teams", "Team", "users")];
        return [.. Enumerable.Range(0, scale.ObjectTypes).Select(i =>
        {
            var (name, singular, icon) = kinds[i % kinds.Length];
            var suffix = i >= kinds.Length ? $"{i}" : "";
            return new ObjectType($"{i + 1}", name + suffix, singular + suffix, name.ToLowerInvariant() + suffix,
                singular.ToLowerInvariant() + suffix, true, icon);
        })];
    }

    private static List<ReportingWebhook> BuildWebhooks(FakeScale scale) =>
        [.. Enumerable.Range(0, scale.ReportingWebhooks).Select(i => new ReportingWebhook(i + 1, $"Warehouse hook {i + 1}",
            $"https://hooks.example.com/cio/{i + 1}", i % 2 == 1, true, i == 0,
            ["email_sent", "email_delivered", "email_opened", "email_clicked"]))];

    private static List<SubscriptionTopic> BuildTopics(FakeScale scale) =>
        [.. Enumerable.Range(0, scale.SubscriptionTopics).Select(i => new SubscriptionTopic(i + 1, $"topic_{i + 1}",
            $"{Words.Products[i % Words.Products.Length]} updates", i == 0 ? null : "Generated topic", i % 2 == 0))];

    private static List<SubscriptionChannel> BuildChannels() =>
    [
        new(1, "email", "Email", "Email messages", "email", true),
        new(2, "sms", "SMS", null, "twilio", false),
        new(3, "push", "Push", "Mobile push notifications", "push", true),
    ];

    private static IEnumerable<int> Enumerate(int count) => Enumerable.Range(0, count);
}
