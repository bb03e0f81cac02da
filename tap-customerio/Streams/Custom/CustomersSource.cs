using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Http;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// People take two calls: a search (<c>POST /v1/customers</c>, 1000 ids a page, cursor in the query) that lists
/// <c>cio_id</c>s, then <c>POST /v1/customers/attributes?id_type=cio_id</c> with up to 100 ids that returns the profiles.
/// Only <c>cio_id</c> is always present (email-only people have no <c>id</c>), so it is the key. When only per-person
/// streams need the people, the search alone is enough and no profile is fetched.
/// </summary>
internal sealed class CustomersSource : IRecordSource
{
    private const int SearchPage = 1000;
    private const int AttributesBatch = 100;

    public static readonly StreamDefinition Definition =
        Define.List("customers", "/v1/customers", "identifiers", "cio_id") with { Source = new CustomersSource() };

    /// <summary>Everyone with a cio_id, which every identified person has.</summary>
    private static readonly JsonObject MatchAll = new()
    {
        ["and"] = new JsonArray(new JsonObject
        {
            ["attribute"] = new JsonObject { ["field"] = "cio_id", ["operator"] = "exists" },
        }),
    };

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["filter"] = (context.Config.CustomerFilter ?? MatchAll).DeepClone() },
            SingerJsonContext.Default.JsonObject);
        // The search can list a person again, on the next page, where it starts with the end of the previous one
        // (docs/performance.md, "People search repeats"): the ids of the last page are enough to drop the repeats,
        // so memory stays one page whatever the size of the workspace.
        HashSet<string> previousPage = new(StringComparer.Ordinal), thisPage = new(StringComparer.Ordinal);
        // Profiles of one page are fetched while the next page's are asked for, so the budget never waits on the
        // slowest call of a page.
        Task<RecordBatch[]>? previous = null;
        await foreach (var page in Paging.SearchWalker.WalkAsync(context, "/v1/customers", body, SearchPage, cancellation).ConfigureAwait(false))
        {
            var identifiers = page.Items.Where(i => CioId(i) is { } id && !previousPage.Contains(id) && thisPage.Add(id)).ToArray();
            (previousPage, thisPage) = (thisPage, previousPage);
            thisPage.Clear();
            if (!context.Emitting)
            {
                yield return new RecordBatch(identifiers, page.Document);
                continue;
            }

            var ids = identifiers.Select(i => CioId(i)!).ToArray();
            page.Document.Dispose();
            var current = Task.WhenAll(ids.Chunk(AttributesBatch).Select(chunk => HydrateAsync(context, chunk, cancellation)));
            if (previous is not null)
            {
                foreach (var batch in await previous.ConfigureAwait(false))
                {
                    yield return batch;
                }
            }

            previous = current;
        }

        if (previous is not null)
        {
            foreach (var batch in await previous.ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    private static async Task<RecordBatch> HydrateAsync(ReadContext context, string[] ids, CancellationToken cancellation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["ids"] = new JsonArray(ids.Select(i => (JsonNode?)i).ToArray()) },
            SingerJsonContext.Default.JsonObject);
        var request = new ApiRequest(HttpMethod.Post, "/v1/customers/attributes", [new("id_type", "cio_id")], context.Stream.Name, body);
        using var document = (await context.Client.SendAsync(request, cancellation).ConfigureAwait(false))!;
        var allowed = context.Config.CustomerAttributes is { } names ? names.ToHashSet(StringComparer.Ordinal) : null;
        var people = Paging.Envelope.Records(document, "customers", request);
        // Values are copied as they are, so the rows take about the response's size, plus the ids lifted to the top.
        var size = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement).Length + people.Count * 160;
        return SyntheticRows.Build(writer =>
        {
            foreach (var item in people)
            {
                // The reference wraps each profile in {"customer": …}; the live API does not. Accept both.
                var person = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("customer", out var inner) ? inner : item;
                WritePerson(writer, person, allowed);
            }
        }, size);
    }

    /// <summary>Values and names are copied as they arrived (raw UTF-8, escapes kept): decoding and re-encoding every
    /// attribute cost a fifth of the tap's CPU on people with dozens of non-ASCII attributes.</summary>
    private static void WritePerson(Utf8JsonWriter writer, JsonElement person, HashSet<string>? allowed)
    {
        person.TryGetProperty("identifiers", out var identifiers);
        person.TryGetProperty("attributes", out var attributes);
        writer.WriteStartObject();
        writer.WriteString("cio_id", Identifier(person, identifiers, attributes, "cio_id"));
        writer.WriteString("id", Identifier(person, identifiers, attributes, "id"));
        writer.WriteString("email", Identifier(person, identifiers, attributes, "email"));
        foreach (var property in person.EnumerateObject())
        {
            if (property.NameEquals("cio_id") || property.NameEquals("id") || property.NameEquals("email"))
            {
                continue;
            }

            ValueWriter.WriteName(writer, property);
            if (allowed is not null && property.NameEquals("attributes") && property.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject();
                foreach (var attribute in property.Value.EnumerateObject().Where(a => allowed.Contains(a.Name)))
                {
                    ValueWriter.WriteName(writer, attribute);
                    ValueWriter.WriteRaw(writer, attribute.Value);
                }

                writer.WriteEndObject();
            }
            else
            {
                ValueWriter.WriteRaw(writer, property.Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Identifiers can sit at the top, in <c>identifiers</c>, or only in <c>attributes</c>; ids stay strings.</summary>
    private static string? Identifier(JsonElement person, JsonElement identifiers, JsonElement attributes, string name)
    {
        foreach (var source in new[] { person, identifiers, attributes })
        {
            if (source.ValueKind == JsonValueKind.Object && source.TryGetProperty(name, out var value))
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrEmpty(text))
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static string? CioId(JsonElement identifier) =>
        Identifier(identifier, default, default, "cio_id");
}
