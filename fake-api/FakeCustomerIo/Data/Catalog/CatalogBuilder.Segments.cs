using FakeCustomerIo.Data.Model;

namespace FakeCustomerIo.Data.Catalog;

internal static partial class CatalogBuilder
{
    private static readonly string[] SegmentNames = ["Active users", "Trial", "Churn risk", "VIP", "Newsletter readers", "Mobile", "Power users", "Dormant"];

    /// <summary>Segments with a membership share each; the last one is empty (see <see cref="WorkspaceCatalog.EmptySegmentId"/>).</summary>
    private static List<Segment> BuildSegments(long seed, FakeScale scale, long anchor)
    {
        var list = new List<Segment>(scale.Segments);
        for (var i = 0; i < scale.Segments; i++)
        {
            var d = new Draw(seed, Salt.Catalog, 4_000 + i);
            var empty = scale.Segments >= 3 && i == scale.Segments - 1;
            var created = Ago(d, 1, anchor, 30, 900);
            list.Add(new Segment
            {
                Id = i + 1,
                DeduplicateId = $"{i + 1}:{created}",
                Name = $"{SegmentNames[i % SegmentNames.Length]}{(i >= SegmentNames.Length ? $" {i}" : "")}",
                Description = d.Chance(2, 0.5) ? "Generated segment" : "",
                State = "finished",
                Progress = null,
                Type = d.Chance(3, 0.75) ? "dynamic" : "manual",
                Tags = d.Chance(4, 0.5) ? null : [d.Pick(5, Words.Tags)],
                CreatedAt = created,
                UpdatedAt = UpdatedAfter(d, 6, anchor, created),
                Fraction = empty ? 0 : 0.05 + 0.55 * Hash.Unit(d.H(7)),
            });
        }
        return list;
    }
}
