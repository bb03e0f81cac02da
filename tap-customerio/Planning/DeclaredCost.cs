using TapCustomerIo.Paging;
using TapCustomerIo.Streams;
using TapCustomerIo.Streams.Custom;
using StreamReader = TapCustomerIo.Streams.StreamReader;

namespace TapCustomerIo.Planning;

/// <summary>The calls one read makes when the declaration alone says it, so the estimate need not read it to know.</summary>
internal static class DeclaredCost
{
    /// <summary>An unpaged list (one call a pass), or a metric, count or address source (one call).</summary>
    public static bool OneCallAPass(StreamDefinition stream) =>
        stream is { Source: StreamReader, Paging: SinglePageStyle }
        || stream.Source is PeriodMetricsSource or CampaignMetricsSource or JourneyMetricsSource or LinkMetricsSource or SegmentCountSource
            or IpAddressesSource;

    /// <summary>Calls of one read in <paramref name="context"/>; null when only reading tells (paged lists, people, suppressions).</summary>
    public static int? PerRead(ReadContext context) =>
        !OneCallAPass(context.Stream) ? null : context.Stream.Source is StreamReader ? StreamReader.Passes(context, []).Count : 1;
}
