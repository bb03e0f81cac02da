using FakeCustomerIo.Data.Objects;

namespace FakeCustomerIo.Data;

internal sealed partial class FakeDataset
{
    private RelatedPeople? _relatedPeople;

    /// <summary>The people related to each object, built on first use (one pass over the people).</summary>
    public RelatedPeople RelatedPeople =>
        LazyInitializer.EnsureInitialized(ref _relatedPeople, () => new RelatedPeople(Objects, People.Count, Catalog.ObjectTypes));
}
