using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Http;
using TapCustomerIo.Json;
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
        var document = (await context.Client.SendAsync(request, cancellation).ConfigureAwait(false))!;
        var people = Paging.Envelope.Records(document, "customers", request).Select(Unwrapped).ToArray();
        if (context.Config.CustomerAttributes is not { } names)
        {
            // Written as they arrived, with the identifiers put at the top: one pass over each profile.
            return new RecordBatch(people, document) { RecordExtras = Identifiers };
        }

        using (document)
        {
            var allowed = names.ToHashSet(StringComparer.Ordinal);
            return SyntheticRows.Build(writer =>
            {
                foreach (var person in people)
                {
                    WritePerson(writer, person, allowed);
                }
            }, document.Root.Raw.Length + people.Length * 160);
        }
    }

    /// <summary>The reference wraps each profile in <c>{"customer": …}</c>; the live API does not. Accept both.</summary>
    private static RawValue Unwrapped(RawValue item)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                return property.NameEquals("customer"u8) && property.Value.ValueKind == JsonValueKind.Object ? property.Value : item;
            }
        }

        return item;
    }

    /// <summary>A profile with only the allowed attributes (<c>customer_attributes</c>), values copied as they arrived.</summary>
    private static void WritePerson(Utf8JsonWriter writer, RawValue person, HashSet<string> allowed)
    {
        var identifiers = Identifiers(person);
        writer.WriteStartObject();
        foreach (var (name, value) in identifiers)
        {
            writer.WriteString(name, value);
        }

        foreach (var property in person.EnumerateObject())
        {
            if (identifiers.Any(i => property.NameEquals(i.Key)))
            {
                continue;
            }

            if (property.NameEquals("attributes"u8) && property.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WritePropertyName("attributes"u8);
                writer.WriteStartObject();
                foreach (var attribute in property.Value.EnumerateObject().Where(a => allowed.Contains(a.Name)))
                {
                    attribute.WriteTo(writer);
                }

                writer.WriteEndObject();
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>cio_id</c>, <c>id</c> and <c>email</c>, each the first found at the top, in <c>identifiers</c> or among the
    /// <c>attributes</c> (ids stay strings), from one pass over the profile's top level.
    /// </summary>
    private static KeyValuePair<string, string?>[] Identifiers(RawValue person)
    {
        RawValue cioId = default, id = default, email = default, identifiers = default, attributes = default;
        if (person.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in person.EnumerateObject())
            {
                if (property.NameEquals("cio_id"u8)) { cioId = property.Value; }
                else if (property.NameEquals("id"u8)) { id = property.Value; }
                else if (property.NameEquals("email"u8)) { email = property.Value; }
                else if (property.NameEquals("identifiers"u8)) { identifiers = property.Value; }
                else if (property.NameEquals("attributes"u8)) { attributes = property.Value; }
            }
        }

        return
        [
            new("cio_id", Text(cioId) ?? Identifier(identifiers, attributes, "cio_id")),
            new("id", Text(id) ?? Identifier(identifiers, attributes, "id")),
            new("email", Text(email) ?? Identifier(identifiers, attributes, "email")),
        ];
    }

    private static string? Identifier(RawValue identifiers, RawValue attributes, string name) =>
        (identifiers.TryGetProperty(name, out var a) ? Text(a) : null) ?? (attributes.TryGetProperty(name, out var b) ? Text(b) : null);

    private static string? Text(RawValue value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static string? CioId(RawValue identifier) =>
        Identifier(identifier, default, "cio_id");
}
