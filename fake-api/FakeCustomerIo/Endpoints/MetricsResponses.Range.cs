using FakeCustomerIo.Data;
using FakeCustomerIo.Http;
using FakeCustomerIo.Metrics;

namespace FakeCustomerIo.Endpoints;

internal static partial class MetricsResponses
{
    // start and end are required (400 otherwise); res/resolution accepts plural names and -ly aliases; tz defaults to UTC.
    private static Task RangeAsync(HttpContext ctx, ulong scope, string envelope, string resParam, string resEcho,
        string[] names, Func<ulong, long[]> values, bool requireRes)
    {
        var request = ctx.Request;
        var start = QueryParams.Long(request, "start");
        var end = QueryParams.Long(request, "end");
        var resText = QueryParams.String(request, resParam);
        if (start is null || end is null || (requireRes && string.IsNullOrEmpty(resText)))
        {
            throw ApiException.BadRequest(requireRes ? "start, end and resolution are required" : "start and end are required with version=2");
        }

        var res = string.IsNullOrEmpty(resText) ? Resolution.Days
            : Resolutions.Parse(resText) ?? throw ApiException.BadRequest($"{resParam} must be hours, days, weeks or months");
        if (end < start)
        {
            throw ApiException.BadRequest("end must not be before start");
        }

        var tzName = QueryParams.String(request, "tz") is { Length: > 0 } tzText ? tzText : "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tzName, out var tz))
        {
            throw ApiException.BadRequest($"unknown time zone {tzName}");
        }

        var buckets = Buckets.Compute(start.Value, end.Value, res, tz)
            ?? throw ApiException.BadRequest($"too many buckets (more than {Buckets.MaxBuckets})");
        return JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(envelope);
            w.WriteString("start", Buckets.Iso(buckets.Starts.Count > 0 ? buckets.Starts[0] : buckets.End));
            w.WriteString("end", Buckets.Iso(buckets.End));
            w.WriteString(resEcho, Resolutions.Name(res));
            Funnel.WriteSeries(w, names, buckets.Starts.Count,
                i => Hash.Mix(scope ^ ((ulong)res << 56) ^ (ulong)buckets.Starts[i].ToUnixTimeSeconds()), values);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
