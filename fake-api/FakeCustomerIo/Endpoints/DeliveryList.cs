using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Deliveries;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

/// <summary>
/// All delivery lists (/v1/messages and the per-campaign, broadcast, newsletter, transactional and per-person ones):
/// deliveries created in [start_ts, end_ts] (both inclusive), newest first, cursor = the raw index to continue below.
/// Quirk: the first page of about every third window (by request checksum) is empty but carries a <c>next</c>;
/// later pages have the data. With filters, a page scans a bounded number of candidates, so it may come back short.
/// A parent's (or person's) list holds only what was created since the parent was: nothing of it is older.
/// </summary>
internal static class DeliveryList
{
    public const int MaxLimit = 1000;
    private const long Year = 365 * 86_400L;

    /// <param name="identifiers">Name of the person's identifiers object (default <c>customer_identifiers</c>).</param>
    /// <param name="notBefore">The parent's creation (unix seconds): older deliveries are not in its list.</param>
    public static async Task WriteAsync(HttpContext ctx, FakeDataset data, Progression set, bool skipForgotten = false,
        JsonEncodedText? identifiers = null, long? notBefore = null)
    {
        var request = ctx.Request;
        var state = data.State;
        var limit = QueryParams.Limit(request, MaxLimit, 50);
        var filter = DeliveryFilter.From(request);
        if (filter.CampaignId is { } campaignId && ReferenceEquals(set, Progression.All))
        {
            set = data.Deliveries.Slots.Of(ParentKind.Campaign, campaignId);
        }
        else if (filter.NewsletterId is { } newsletterId && ReferenceEquals(set, Progression.All))
        {
            set = data.Deliveries.Slots.Of(ParentKind.Newsletter, newsletterId);
        }

        var (lo, hi) = Window(request, data, state.Generation);
        if (notBefore is { } created)
        {
            lo = Math.Max(lo, data.Deliveries.Timeline.Range(created, long.MaxValue, state.Generation).Lo);
        }

        var fingerprint = Fingerprint.Of(request);
        var start = Cursor.Start(request, fingerprint);

        await using var json = JsonResponse.Start(ctx);
        var w = json.Writer;
        w.WriteStartObject();
        w.WriteStartArray("messages");
        string? next = null;
        if (start is null && FakeDataset.IsEmptyFirstPage(fingerprint) && set.CountIn(lo, hi) > 0)
        {
            next = Cursor.Encode(hi, fingerprint);
        }
        else
        {
            var pos = Math.Min(start ?? hi, hi);
            var (count, scanned, budget) = (0, 0, 4 * limit + 1_000);
            var i = set.Below(pos);
            for (; i >= lo && count < limit && scanned < budget; i = set.Below(i))
            {
                scanned++;
                pos = i;
                if ((!filter.IsEmpty || skipForgotten) && !Keep(data.Deliveries.Facts(i), filter, skipForgotten))
                {
                    continue;
                }

                DeliveryWriter.Write(w, data.Deliveries, i, identifiers);
                count++;
                await json.FlushIfFullAsync();
            }
            next = i >= lo ? Cursor.Encode(pos, fingerprint) : null;
        }
        w.WriteEndArray();
        NextWriter.Write(w, next, NextStyle.EmptyString);
        w.WriteEndObject();
    }

    private static bool Keep(in DeliveryFacts f, DeliveryFilter filter, bool skipForgotten) =>
        !(skipForgotten && f.Forgotten) && filter.Matches(f);

    /// <summary>Index range of the window. Defaults: start_ts = six months before the anchor, end_ts = now; a span
    /// over 12 months is cut to the 12 months before its end.</summary>
    public static (long Lo, long Hi) Window(HttpRequest request, FakeDataset data, int generation)
    {
        var startTs = QueryParams.Long(request, "start_ts") ?? data.DefaultWindowStart;
        var endTs = QueryParams.Long(request, "end_ts");
        var effectiveEnd = endTs ?? data.NowUnix(generation);
        if (effectiveEnd - startTs > Year)
        {
            startTs = effectiveEnd - Year;
        }

        return data.Deliveries.Timeline.Range(startTs, endTs ?? long.MaxValue, generation);
    }
}
