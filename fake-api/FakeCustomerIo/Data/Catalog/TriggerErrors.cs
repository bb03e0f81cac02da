using System.Globalization;
using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

/// <summary>
/// The validation errors of each broadcast trigger, bare strings in the spec's form <c>line &lt;x&gt;: &lt;error text&gt;</c>.
/// Most triggers have none or a few; the first trigger of the workspace has <see cref="Many"/> (several pages), and the
/// last one is deleted: listed by /v1/broadcasts/{id}/triggers, its errors answer 404.
/// </summary>
internal static class TriggerErrors
{
    public const int Many = 250;

    private static readonly string[] Problems =
    [
        "email is not a valid email address", "id is missing", "unknown attribute type for 'plan'",
        "value for 'seats' is not a number", "duplicate identifier in the data file", "row has more columns than the header",
    ];

    public static IEnumerable<BroadcastTrigger> AllTriggers(WorkspaceCatalog catalog) => catalog.Broadcasts.SelectMany(b => b.Triggers);

    /// <summary>The deleted trigger's id, or -1 with fewer than two triggers.</summary>
    public static long DeletedTriggerId(WorkspaceCatalog catalog)
    {
        var triggers = AllTriggers(catalog).ToArray();
        return triggers.Length >= 2 ? triggers[^1].Id : -1;
    }

    public static IReadOnlyList<string> Of(long seed, WorkspaceCatalog catalog, BroadcastTrigger trigger)
    {
        var first = AllTriggers(catalog).FirstOrDefault();
        var h = Hash.Of(seed, Salt.TriggerError, trigger.Id);
        var count = first?.Id == trigger.Id ? Many : (int)(h % 7 >= 4 ? h % 7 : 0); // 0, or 4–6
        return [.. Enumerable.Range(0, count).Select(k =>
        {
            var line = (k + 1) * 3 + (int)(Hash.Mix(h + (ulong)k) % 3);
            return $"line {line.ToString(CultureInfo.InvariantCulture)}: {Hash.Pick(Hash.Mix(h ^ (ulong)k), Problems)}";
        })];
    }
}
