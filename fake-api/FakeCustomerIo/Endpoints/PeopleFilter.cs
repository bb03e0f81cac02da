using System.Text.Json;
using FakeCustomerIo.Data;

namespace FakeCustomerIo.Endpoints;

/// <summary>
/// The audience filter of POST /v1/customers, compiled to a predicate over person indices. Supported: <c>and</c>,
/// <c>or</c>, <c>not</c>, <c>{"segment":{"id":N}}</c> and <c>{"attribute":{"field","operator":"eq"|"exists","value"}}</c>;
/// anything else matches everyone. The deleted and unknown segments match no one.
/// </summary>
internal static class PeopleFilter
{
    public static Func<long, bool> Compile(JsonElement filter, FakeDataset data, DatasetState state)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            return _ => true;
        }

        if (filter.TryGetProperty("and", out var and) && and.ValueKind == JsonValueKind.Array)
        {
            var parts = and.EnumerateArray().Select(f => Compile(f, data, state)).ToArray();
            return p => parts.All(part => part(p));
        }
        if (filter.TryGetProperty("or", out var or) && or.ValueKind == JsonValueKind.Array)
        {
            var parts = or.EnumerateArray().Select(f => Compile(f, data, state)).ToArray();
            return p => parts.Any(part => part(p));
        }
        if (filter.TryGetProperty("not", out var not))
        {
            var inner = Compile(not, data, state);
            return p => !inner(p);
        }
        if (filter.TryGetProperty("segment", out var segment))
        {
            return Segment(segment, data, state);
        }

        if (filter.TryGetProperty("attribute", out var attribute))
        {
            return Attribute(attribute, data);
        }

        return _ => true;
    }

    private static Func<long, bool> Segment(JsonElement leaf, FakeDataset data, DatasetState state)
    {
        var id = leaf.TryGetProperty("id", out var v) && v.TryGetInt64(out var n) ? n : -1;
        var segment = state.Catalog.Segment(id);
        if (segment is null || id == state.Catalog.DeletedSegmentId)
        {
            return _ => false;
        }

        return p => data.IsMember(segment, p);
    }

    private static Func<long, bool> Attribute(JsonElement leaf, FakeDataset data)
    {
        var field = leaf.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "";
        var op = leaf.TryGetProperty("operator", out var o) ? o.GetString() : null;
        var value = leaf.TryGetProperty("value", out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
        var people = data.People;
        return (op, field) switch
        {
            ("exists", "cio_id" or "email" or "created_at") => _ => true,
            ("exists", "id") => p => people.Id(p) is not null,
            ("exists", _) => p => people.Attribute(p, field) is not null,
            ("eq", _) => p => string.Equals(people.Attribute(p, field), value, StringComparison.Ordinal),
            _ => _ => true,
        };
    }
}
