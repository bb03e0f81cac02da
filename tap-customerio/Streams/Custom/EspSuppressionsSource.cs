using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TapCustomerIo.Http;

namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Four suppression lists (bounces, blocks, spam reports, invalid emails), each paged by <c>limit</c> + <c>offset</c>,
/// for the workspace and again for every configured sending domain. One email can be on several lists.
/// </summary>
internal sealed class EspSuppressionsSource : IRecordSource
{
    private const int Limit = 1000;
    private static readonly string[] Types = ["bounces", "blocks", "spam_reports", "invalid_emails"];

    public static readonly StreamDefinition Definition =
        Define.List("esp_suppressions", "/v1/esp/suppression/{suppression_type}", "suppressions", "suppression_type", "email") with
        {
            Source = new EspSuppressionsSource(),
            KeysFor = config => config?.EspDomains.Count > 0 ? ["suppression_type", "domain", "email"] : ["suppression_type", "email"],
        };

    public async IAsyncEnumerable<RecordBatch> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        foreach (var domain in new[] { "" }.Concat(context.Config.EspDomains))
        {
            foreach (var type in Types)
            {
                for (var offset = 0; ; offset += Limit)
                {
                    List<KeyValuePair<string, string>> query =
                    [
                        new("limit", Limit.ToString(CultureInfo.InvariantCulture)),
                        new("offset", offset.ToString(CultureInfo.InvariantCulture)),
                    ];
                    if (domain.Length > 0)
                    {
                        query.Add(new("domain", domain));
                    }

                    var request = new ApiRequest(HttpMethod.Get, "/v1/esp/suppression/" + type, query, context.Stream.Name);
                    var document = (await context.Client.SendAsync(request, cancellation).ConfigureAwait(false))!;
                    var records = Paging.Envelope.Records(document, "suppressions", request);
                    var category = document.RootElement.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String
                        ? c.GetString()! : type;
                    yield return new RecordBatch(records, document)
                    {
                        Extras = [new("suppression_type", type), new("domain", domain), new("category", category)],
                    };

                    if (records.Count < Limit)
                    {
                        break;
                    }
                }
            }
        }
    }
}
