using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Http;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Objects are listed per object type with <c>POST /v1/objects</c>, which requires both <c>object_type_id</c> and a
/// filter; an object-attribute condition needs the type id too. "object_id exists" matches every object.
/// The list can repeat an object across pages.
/// </summary>
internal sealed class ObjectsSource : IRecordSource
{
    private const int Limit = 1000;

    public static readonly StreamDefinition Definition =
        Define.List("objects", "/v1/objects", "identifiers", "object_type_id", "object_id")
            .ChildOf("object_types", "object_type_id") with { Source = new ObjectsSource() };

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var type = context.Value("object_type_id")!;
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["object_type_id"] = type,
            ["filter"] = new JsonObject
            {
                ["and"] = new JsonArray(new JsonObject
                {
                    ["object_attribute"] = new JsonObject { ["field"] = "object_id", ["operator"] = "exists", ["type_id"] = type },
                }),
            },
        }, SingerJsonContext.Default.JsonObject);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in Paging.SearchWalker.WalkAsync(context, "/v1/objects", body, Limit, cancellation).ConfigureAwait(false))
        {
            var records = page.Items.Where(r => r.TryGetProperty("object_id", out var id) && seen.Add(id.ToString())).ToArray();
            yield return new RecordBatch(records, page.Document);
        }
    }
}
