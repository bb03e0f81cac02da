using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Http;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// People take two calls: the declared search lists <c>cio_id</c>s, then <c>POST /v1/customers/attributes?id_type=cio_id</c>
/// with up to 100 ids returns the profiles. When only per-person streams need the people, the search alone is enough
/// and no profile is fetched.
/// </summary>
internal sealed class CustomersSource : IRecordSource
{
    private const int AttributesBatch = 100;

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        // Profiles of one page are fetched while the next page's are asked for, so the budget never waits on the
        // slowest call of a page (the search itself already prefetches its next page).
        Task<RecordBatch[]>? previous = null;
        await foreach (var page in StreamReader.Instance.ReadAsync(context, cancellation).ConfigureAwait(false))
        {
            var identifiers = page.Records.Where(i => CioId(i) is not null).ToArray();
            if (!context.Emitting)
            {
                yield return page with { Records = identifiers };
                continue;
            }

            var ids = identifiers.Select(i => CioId(i)!).ToArray();
            page.Dispose();
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

    internal static async Task<RecordBatch> HydrateAsync(ReadContext context, string[] ids, CancellationToken cancellation)
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
