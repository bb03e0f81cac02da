namespace TapCustomerIo.Config;

/// <summary>Every setting the tap reads, in the order the README and <c>--about</c> list them.</summary>
internal static class Settings
{
    public static readonly IReadOnlyList<Setting> All =
    [
        new("api_key", SettingKind.Secret,
            "Customer.io App API key (bearer token); `access_token` is accepted as an alias. Never logged.",
            Required: true, Aliases: ["access_token"]),
        new("region", SettingKind.Options, "Workspace data center: `us` (api.customer.io) or `eu` (api-eu.customer.io).",
            Default: "us", Options: ["us", "eu"]),
        new("base_url", SettingKind.String,
            "Overrides the region's host (without `/v1`); plain http is accepted only for loopback hosts."),
        new("start_date", SettingKind.DateTime, "RFC 3339 floor for every bookmark and time window.",
            Default: "2010-01-01T00:00:00Z"),
        new("max_requests_per_second", SettingKind.Number,
            "One request budget shared by every stream (the workspace's App API limit is 10 per second).", Default: "10"),
        new("request_timeout_seconds", SettingKind.Integer, "Timeout of one HTTP request.", Default: "60"),
        new("messages_lookback_days", SettingKind.Integer,
            "Deliveries are re-read this far back, because their metrics (opens, clicks) change after sending.", Default: "30"),
        new("messages_window_days", SettingKind.Integer,
            "Days per delivery window (`start_ts`/`end_ts`), 1 to 180: the span every source allows, so none is clipped.", Default: "180"),
        new("lookback_minutes", SettingKind.Integer,
            "Client-side incremental streams re-emit records this close to the bookmark.", Default: "60"),
        new("customer_filter", SettingKind.Object,
            "A Customer.io audience filter (JSON object) selecting the people to sync; default: everyone with a cio_id."),
        new("customer_attributes", SettingKind.StringArray,
            "Allow-list of attribute names kept in `customers.attributes`; default: all."),
        new("activity_types", SettingKind.StringArray, "Server-side `type` filters for activities; default: all."),
        new("message_types", SettingKind.StringArray, "Server-side `type` filters for deliveries; default: all."),
        new("activity_deleted", SettingKind.Boolean,
            "Also read `deleted=true` activities (an extra pass merged into `activities`, deduplicated by id).", Default: "false"),
        new("activity_names", SettingKind.StringArray,
            "Server-side `name` filters for activities (one pass per name); default: all."),
        new("metrics_period", SettingKind.Options, "Bucket size of period/steps metrics.", Default: "days",
            Options: ["hours", "days", "weeks", "months"]),
        new("metrics_steps", SettingKind.Integer,
            "Number of buckets of period/steps metrics; default: the API's maximum for the period."),
        new("metrics_resolution", SettingKind.Options, "Bucket size of campaign (version 2) and journey metrics.",
            Default: "days", Options: ["hours", "days", "weeks", "months"]),
        new("metrics_timezone", SettingKind.String, "IANA time zone of campaign (version 2) metric buckets.", Default: "UTC"),
        new("metrics_days", SettingKind.Integer, "How many days back campaign and journey metrics are read.", Default: "90"),
        new("esp_domains", SettingKind.StringArray, "Sending domains whose suppression lists are synced too.", Default: "[]"),
        new("activate_version", SettingKind.Boolean,
            "Full-table streams carry a table version and end with ACTIVATE_VERSION, so rows deleted in Customer.io leave the " +
            "warehouse; turn off for targets that cannot take the message.", Default: "true"),
    ];
}
