namespace TapCustomerIo.Streams.Custom;

/// <summary>
/// Journey metrics (started, activated, messaged, converted, finished, exited early, never activated per bucket):
/// the same time-keyed buckets as campaign metrics v2, but the parameter is <c>resolution</c> and the envelope
/// <c>journey_metric</c>. The arrays may sit directly in it or under <c>series</c>; both are read.
/// </summary>
internal static class JourneyMetricsSource
{
    public static StreamDefinition Define(string name, string path) =>
        CampaignMetricsSource.Bucketed(name, path, ["campaign_id"], new CampaignMetricsSource(path, "resolution", "journey_metric", []));
}
