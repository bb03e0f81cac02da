using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Reads the declared suppression list once per type (bounces, blocks, spam reports, invalid emails) and sending
/// domain (the workspace's, then each of <c>esp_domains</c>), and tags each row with its type, domain and category.
/// </summary>
internal sealed class EspSuppressionsSource : IRecordSource
{
    /// <summary>The path placeholder and key property naming the list.</summary>
    private const string TypeField = "suppression_type";

    private static readonly string[] Types = ["bounces", "blocks", "spam_reports", "invalid_emails"];

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        foreach (var domain in new[] { "" }.Concat(context.Config.EspDomains))
        {
            IReadOnlyList<KeyValuePair<string, string>> query = domain.Length > 0 ? [new("domain", domain)] : [];
            foreach (var type in Types)
            {
                var list = context with { ParentValues = [.. context.ParentValues, new(TypeField, type)] };
                await foreach (var batch in StreamReader.ReadAsync(list, query, cancellation).ConfigureAwait(false))
                {
                    var category = batch.Response.ValueKind == JsonValueKind.Object && batch.Response.TryGetProperty("category", out var c)
                        && c.ValueKind == JsonValueKind.String ? c.GetString()! : type;
                    yield return batch with { Extras = [new(TypeField, type), new("domain", domain), new("category", category)] };
                }
            }
        }
    }
}
