using TapCustomerIo.Paging;
using TapCustomerIo.Streams;
using TapCustomerIo.Streams.Custom;
using StreamReader = TapCustomerIo.Streams.StreamReader;

namespace TapCustomerIo.Planning;

/// <summary>The calls one read makes when the declaration alone says it, so the estimate need not read it to know.</summary>
internal static class DeclaredCost
{
    /// <summary>
    /// Calls of one read in <paramref name="context"/>: an unpaged list costs one call a pass; the metric, count and
    /// address sources one call. Null when only reading tells (paged lists, people, suppression lists).
    /// </summary>
    public static int? PerRead(ReadContext context) => context.Stream switch
    {
        { Source: StreamReader, Paging: SinglePageStyle } => StreamReader.Passes(context, []).Count,
        { Source: PeriodMetricsSource or CampaignMetricsSource or JourneyMetricsSource or LinkMetricsSource or SegmentCountSource
            or IpAddressesSource } => 1,
        _ => null,
    };
}
