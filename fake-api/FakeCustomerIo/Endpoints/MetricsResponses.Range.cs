using System.Text.Json;
using FakeCustomerIo.Data;
using FakeCustomerIo.Http;
using FakeCustomerIo.Metrics;

namespace FakeCustomerIo.Endpoints;

internal static partial class MetricsResponses
{
    /// <summary>The journey endpoint's whole contract: these three, all required; anything else answers 400.</summary>
    private static readonly string[] JourneyParameters = ["start", "end", "resolution"];

    /// <summary>A bucket's values: a pure function of the series' scope, the resolution and the bucket's start.</summary>
    public static ulong BucketHash(ulong scope, Resolution res, DateTimeOffset start) =>
        Hash.Mix(scope ^ ((ulong)res << 56) ^ (ulong)start.ToUnixTimeSeconds());

    /// <summary>
    /// Version 2: buckets aligned in <c>tz</c> (default UTC), weeks from <see cref="FakeApiOptions.MetricsWeekStart"/>.
    /// <c>start</c>, <c>end</c> and <c>res</c> sit at the top level beside <c>metric</c>, written as
    /// <see cref="FakeApiOptions.MetricsStartText"/> says; action metrics add <c>language_variants</c>.
    /// </summary>
    private static Task VersionTwoAsync(HttpContext ctx, ulong scope, FakeApiOptions options, IReadOnlyList<string> languages)
    {
        var request = ctx.Request;
        var (start, end, res) = Range(request, "res", "start and end are required with version=2");
        var tzName = QueryParams.String(request, "tz") is { Length: > 0 } tzText ? tzText : "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tzName, out var tz))
        {
            throw ApiException.BadRequest($"unknown time zone {tzName}");
        }

        var resolution = res ?? Resolution.Days;
        var buckets = Buckets.Aligned(start, end, resolution, tz, options.MetricsWeekStart) ?? throw TooMany();
        return JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            if (options.MetricsStartText != MetricsStartText.Omitted)
            {
                Func<DateTimeOffset, string> text = options.MetricsStartText == MetricsStartText.GoTime ? Buckets.GoTime : Buckets.Iso;
                w.WriteString("start", text(buckets.Starts.Count > 0 ? buckets.Starts[0] : buckets.End));
                w.WriteString("end", text(buckets.End));
            }
            w.WriteString("res", Resolutions.Name(resolution));
            w.WriteStartObject("metric");
            Funnel.WriteSeries(w, Funnel.MessageMetrics, buckets.Starts.Count, i => BucketHash(scope, resolution, buckets.Starts[i]), Funnel.Messages);
            w.WriteEndObject();
            if (languages.Count > 0)
            {
                WriteLanguageVariants(w, languages, buckets, h => BucketHash(scope, resolution, h));
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Journey metrics: bucket n = the request's <c>start</c> + n × <c>resolution</c> in UTC; bare arrays.</summary>
    public static Task JourneyAsync(HttpContext ctx, ulong scope)
    {
        var request = ctx.Request;
        if (request.Query.Keys.FirstOrDefault(k => !JourneyParameters.Contains(k)) is { } unknown)
        {
            throw ApiException.BadRequest($"unknown parameter {unknown}");
        }

        var (start, end, res) = Range(request, "resolution", "start, end and resolution are required");
        var resolution = res ?? throw ApiException.BadRequest("start, end and resolution are required");
        var buckets = Buckets.FromRequest(start, end, resolution) ?? throw TooMany();
        return JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("journey_metric");
            Funnel.WriteArrays(w, Funnel.JourneyMetrics, buckets.Starts.Count, i => BucketHash(scope, resolution, buckets.Starts[i]), Funnel.Journey);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary><c>{"en": {"default": true, "language": "en", "series": {..}}, ...}</c>, the default language first.</summary>
    private static void WriteLanguageVariants(Utf8JsonWriter w, IReadOnlyList<string> languages, Buckets buckets, Func<DateTimeOffset, ulong> bucketHash)
    {
        w.WriteStartObject("language_variants");
        for (var l = 0; l < languages.Count; l++)
        {
            var salt = Hash.OfString(0, languages[l]);
            w.WriteStartObject(languages[l]);
            w.WriteBoolean("default", l == 0);
            w.WriteString("language", languages[l]);
            Funnel.WriteSeries(w, Funnel.MessageMetrics, buckets.Starts.Count, i => Hash.Mix(bucketHash(buckets.Starts[i]) ^ salt), Funnel.Messages);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    // start and end are required (400 otherwise); res/resolution accepts plural names and -ly aliases.
    private static (long Start, long End, Resolution? Res) Range(HttpRequest request, string resParam, string missing)
    {
        var start = QueryParams.Long(request, "start");
        var end = QueryParams.Long(request, "end");
        if (start is null || end is null)
        {
            throw ApiException.BadRequest(missing);
        }

        var resText = QueryParams.String(request, resParam);
        var res = string.IsNullOrEmpty(resText) ? (Resolution?)null
            : Resolutions.Parse(resText) ?? throw ApiException.BadRequest($"{resParam} must be hours, days, weeks or months");
        if (end < start)
        {
            throw ApiException.BadRequest("end must not be before start");
        }

        return (start.Value, end.Value, res);
    }

    private static ApiException TooMany() => ApiException.BadRequest($"too many buckets (more than {Buckets.MaxBuckets})");
}
