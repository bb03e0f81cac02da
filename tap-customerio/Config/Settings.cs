using System.Text.Json.Nodes;
using static TapCustomerIo.Config.SettingTypes;

namespace TapCustomerIo.Config;

/// <summary>
/// Every config key, each stated once: name, kind, default, bounds and description. The loader reads them in this
/// order, <c>--about</c> lists them in this order, and a test holds meltano.yml to them. A new key is one line here;
/// code reads it with <c>config.Get(Settings.TheKey)</c> (or a named property of <see cref="TapConfig"/>).
/// </summary>
internal static class Settings
{
    // First: static fields initialise in textual order, and every setting below adds itself to this list.
    private static readonly List<Setting> Declared = [];

    public static IReadOnlyList<Setting> All => Declared;

    public static readonly IReadOnlyDictionary<string, Uri> RegionHosts = new Dictionary<string, Uri>
    {
        ["us"] = new("https://api.customer.io"),
        ["eu"] = new("https://api-eu.customer.io"),
    };

    private static readonly string[] Buckets = ["hours", "days", "weeks", "months"];

    public static readonly Setting<string> ApiKey = Add(Secret("api_key",
        "Customer.io App API key (bearer token); `access_token` is accepted as an alias. Never logged.",
        missing: "config: 'api_key' is missing. Set it to a Customer.io App API key (Settings > API Credentials > App API Keys) " +
                 "in the --config file or in TAP_CUSTOMERIO_API_KEY.") with { Aliases = ["access_token"] });

    public static readonly Setting<string> Region = Add(Choice("region", "us", [.. RegionHosts.Keys],
        "Workspace data center: `us` (api.customer.io) or `eu` (api-eu.customer.io).",
        rule: "must be 'us' or 'eu' (the workspace's data center)"));

    public static readonly Setting<Uri?> BaseUrl = Add(Url("base_url",
        "Overrides the region's host (without `/v1`); plain http is accepted only for loopback hosts."));

    public static readonly Setting<DateTimeOffset> StartDate = Add(Date("start_date", new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero),
        "RFC 3339 floor for every bookmark and time window."));

    public static readonly Setting<double> MaxRequestsPerSecond = Add(Number("max_requests_per_second", 10, min: 0.01, max: 1000,
        "One request budget shared by every stream (the workspace's App API limit is 10 per second)."));

    public static readonly Setting<int> RequestTimeoutSeconds = Add(Integer("request_timeout_seconds", 60, min: 1, max: 3600,
        "Timeout of one HTTP request."));

    public static readonly Setting<int> MessagesLookbackDays = Add(Integer("messages_lookback_days", 30, min: 0, max: 3650,
        "Deliveries are re-read this far back, because their metrics (opens, clicks) change after sending."));

    public static readonly Setting<int> MessagesWindowDays = Add(Integer("messages_window_days", 180, min: 1, max: 180,
        "Days per delivery window (`start_ts`/`end_ts`), 1 to 180: the span every source allows, so none is clipped."));

    public static readonly Setting<int> LookbackMinutes = Add(Integer("lookback_minutes", 60, min: 0, max: 525_600,
        "Client-side incremental streams re-emit records this close to the bookmark."));

    public static readonly Setting<JsonObject?> CustomerFilter = Add(Object("customer_filter",
        "A Customer.io audience filter (JSON object) selecting the people to sync; default: everyone with a cio_id."));

    public static readonly Setting<IReadOnlyList<string>?> CustomerAttributes = Add(OptionalList("customer_attributes",
        "Allow-list of attribute names kept in `customers.attributes`; default: all."));

    public static readonly Setting<IReadOnlyList<string>> ActivityTypes = Add(List("activity_types",
        "Server-side `type` filters for activities; default: all."));

    public static readonly Setting<IReadOnlyList<string>> MessageTypes = Add(List("message_types",
        "Server-side `type` filters for deliveries; default: all."));

    public static readonly Setting<bool> ActivityDeleted = Add(Switch("activity_deleted", false,
        "Also read `deleted=true` activities (an extra pass merged into `activities`, deduplicated by id)."));

    public static readonly Setting<IReadOnlyList<string>> ActivityNames = Add(List("activity_names",
        "Server-side `name` filters for activities (one pass per name); default: all."));

    public static readonly Setting<string> MetricsPeriod = Add(Choice("metrics_period", "days", Buckets,
        "Bucket size of period/steps metrics."));

    public static readonly Setting<int?> MetricsSteps = Add(OptionalInteger("metrics_steps", min: 1, max: 121,
        "Number of buckets of period/steps metrics; default: the API's maximum for the period."));

    public static readonly Setting<string> MetricsResolution = Add(Choice("metrics_resolution", "days", Buckets,
        "Bucket size of campaign (version 2) and journey metrics."));

    public static readonly Setting<string> MetricsTimezone = Add(Text("metrics_timezone", "UTC",
        "IANA time zone of campaign (version 2) metric buckets.", SettingTypes.TimeZone));

    public static readonly Setting<int> MetricsDays = Add(Integer("metrics_days", 90, min: 1, max: 3650,
        "How many days back campaign and journey metrics are read."));

    public static readonly Setting<IReadOnlyList<string>> EspDomains = Add(List("esp_domains",
        "Sending domains whose suppression lists are synced too."));

    public static readonly Setting<bool> ActivateVersion = Add(Switch("activate_version", true,
        "Full-table streams carry a table version and end with ACTIVATE_VERSION, so rows deleted in Customer.io leave the " +
        "warehouse; turn off for targets that cannot take the message."));

    private static Setting<T> Add<T>(Setting<T> setting)
    {
        Declared.Add(setting);
        return setting;
    }
}
