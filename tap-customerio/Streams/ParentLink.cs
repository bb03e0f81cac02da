using System.Text.Json;
using TapCustomerIo.Json;

namespace TapCustomerIo.Streams;

/// <summary>
/// A child reads its parent's records: each parent record gives a context in which <paramref name="Fields"/> map the
/// child's field (injected in every child record and usable as <c>{name}</c> in the path) to the parent's field.
/// Declared once per parent in <c>Definitions/</c>; the child's path and key take their parent id from it.
/// </summary>
internal sealed record ParentLink(string Stream, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static ParentLink Of(string stream, string childField, string parentField = "id") =>
        new(stream, [new(childField, parentField)]);

    /// <summary>Reads when a parent record was created (a child's time windows start there); null: unknown.</summary>
    public Func<RawValue, DateTimeOffset?>? Created { get; init; }

    /// <summary>The parent's creation is the first of <paramref name="fields"/> present (unix seconds).</summary>
    public ParentLink CreatedAt(params string[] fields) =>
        this with { Created = record => fields.Select(f => ReplicationValue.UnixSeconds(record, f)).FirstOrDefault(t => t is not null) is { } t
            ? DateTimeOffset.FromUnixTimeSeconds(t) : null };

    public ParentLink And(string childField, string parentField) =>
        this with { Fields = [.. Fields, new(childField, parentField)] };

    /// <summary>The child's names of the parent ids, in order: the leading key properties of a child keyed by its parent.</summary>
    public IReadOnlyList<string> Ids => [.. Fields.Select(f => f.Key)];

    /// <summary>The parent ids as path segments: <c>{campaign_id}</c>, or <c>{object_type_id}/{object_id}</c>.</summary>
    public string Placeholder => string.Join('/', Fields.Select(f => "{" + f.Key + "}"));
}
