using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Model;
using FakeCustomerIo.Http;
using FakeCustomerIo.Metrics;

namespace FakeCustomerIo.Endpoints;

/// <summary>
/// The metrics bodies. Version 1: <c>period</c> + <c>steps</c> (0 or absent = the maximum, 1 behaves as 2, above
/// the maximum → 400), series index 0 = oldest. Version 2 (campaigns and campaign actions) and journey metrics:
/// absolute buckets between <c>start</c> and <c>end</c> (see <see cref="Metrics.Buckets"/>).
/// </summary>
internal static partial class MetricsResponses
{
    public static Task PeriodStepsAsync(HttpContext ctx, ulong scope)
    {
        var (res, steps) = PeriodSteps(ctx.Request);
        scope = Hash.OfString(scope, QueryParams.String(ctx.Request, "type") ?? "");
        return JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("metric");
            Funnel.WriteSeries(w, Funnel.MessageMetrics, steps, i => Hash.Mix(scope ^ ((ulong)res << 56) ^ (ulong)(steps - 1 - i)), Funnel.Messages);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>Campaign and campaign-action metrics: <c>version</c> 1 (default) or 2; <paramref name="languages"/> are an
    /// action's language variants (version 2 only).</summary>
    public static Task VersionedAsync(HttpContext ctx, ulong scope, FakeApiOptions options, IReadOnlyList<string> languages) =>
        QueryParams.Long(ctx.Request, "version") switch
        {
            null or 1 => PeriodStepsAsync(ctx, scope),
            2 => VersionTwoAsync(ctx, scope, options, languages),
            _ => throw ApiException.BadRequest("version must be 1 or 2"),
        };

    public static Task LinksAsync(HttpContext ctx, ulong scope, IReadOnlyList<Link> links)
    {
        var (res, steps) = PeriodSteps(ctx.Request);
        _ = QueryParams.Bool(ctx.Request, "unique");
        return JsonResponse.WriteAsync(ctx, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("links");
            foreach (var link in links)
            {
                w.WriteStartObject();
                w.WriteStartObject("link");
                w.WriteNumber("id", link.Id);
                w.WriteString("href", link.Href);
                w.WriteEndObject();
                w.WriteStartObject("metric");
                var linkScope = Hash.Mix(scope ^ (ulong)link.Id);
                Funnel.WriteSeries(w, Funnel.LinkMetrics, steps, i => Hash.Mix(linkScope ^ ((ulong)res << 56) ^ (ulong)(steps - 1 - i)),
                    h => Funnel.Messages(h)[5..7]);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static (Resolution Res, int Steps) PeriodSteps(HttpRequest request)
    {
        var period = QueryParams.String(request, "period");
        var res = string.IsNullOrEmpty(period) ? Resolution.Days
            : Resolutions.Parse(period) ?? throw ApiException.BadRequest("period must be hours, days, weeks or months");
        var max = Resolutions.MaxSteps(res);
        var steps = QueryParams.Long(request, "steps") ?? 0;
        if (steps < 0 || steps > max)
        {
            throw ApiException.BadRequest($"steps must be between 0 and {max} for {Resolutions.Name(res)}");
        }

        return (res, steps == 0 ? max : (int)Math.Max(2, steps));
    }
}
