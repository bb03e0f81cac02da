namespace TapCustomerIo.Streams;

/// <summary>
/// A child reads its parent's records: each parent record gives a context in which <paramref name="Fields"/> map the
/// child's field (injected in every child record and usable as <c>{name}</c> in the path) to the parent's field.
/// </summary>
internal sealed record ParentLink(string Stream, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static ParentLink Of(string stream, string childField, string parentField = "id") =>
        new(stream, [new(childField, parentField)]);

    public ParentLink And(string childField, string parentField) =>
        this with { Fields = [.. Fields, new(childField, parentField)] };
}
