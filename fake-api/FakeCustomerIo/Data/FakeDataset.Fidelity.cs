using MetricSet = FakeCustomerIo.Data.Deliveries.DeliveryMetrics;
using FakeCustomerIo.Data.Objects;

namespace FakeCustomerIo.Data;

/// <summary>The fake's truth for the shapes issue 11 is about: delivery metrics and person relationships.</summary>
internal sealed partial class FakeDataset
{
    /// <summary>The <c>metrics</c> map of delivery <paramref name="index"/>: Unix seconds, or a count for the four counts.</summary>
    public IReadOnlyDictionary<string, long> DeliveryMetricValues(long index)
    {
        var metrics = Deliveries.Facts(index).Metrics;
        return Enumerable.Range(0, MetricSet.Names.Length).Where(metrics.Contains)
            .ToDictionary(k => MetricSet.Names[k], metrics.ValueOf);
    }

    /// <summary>Every delivery of the current generation: id → index.</summary>
    public IReadOnlyDictionary<string, long> DeliveryIndexes()
    {
        var indexes = new Dictionary<string, long>();
        for (var i = 0L; i < DeliveryCount; i++)
        {
            indexes[Deliveries.Id(i)] = i;
        }

        return indexes;
    }

    /// <summary>The person's relationships: object type id, object id, cio_object_id, role, when the role was set.</summary>
    public IReadOnlyList<(string TypeId, string ObjectId, string CioObjectId, string Role, long Since)> Relationships(string cioId) =>
        People.TryResolve("cio_id", cioId, out var p)
            ? [.. Objects.RelationshipsOf(p, Catalog.ObjectTypes).Select(r => (r.Type.Id, Objects.ObjectId(r.Type, r.Index),
                Objects.CioObjectId(r.Type, r.Index), r.Role, RelationshipWriter.Since(Objects, r)))]
            : [];
}
