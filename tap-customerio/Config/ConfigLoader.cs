using System.Net;
using System.Text.Json.Nodes;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Config;

/// <summary>Reads <c>--config</c>, fills gaps from the environment and validates every key up front.</summary>
internal static class ConfigLoader
{
    private static readonly Dictionary<string, Uri> RegionHosts = new()
    {
        ["us"] = new("https://api.customer.io"),
        ["eu"] = new("https://api-eu.customer.io"),
    };

    public static TapConfig Load(string path, Func<string, string?>? environment = null)
    {
        var file = JsonFile.ReadObject(path, "config", "--config", "config.sample.json");
        return FromJson(file, environment ?? Environment.GetEnvironmentVariable);
    }

    public static TapConfig FromJson(JsonObject file, Func<string, string?> environment)
    {
        var read = new ConfigReader(file, environment);
        Setting S(string name) => Settings.All.First(s => s.Name == name);

        var apiKey = read.String(S("api_key"));
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new TapException(
                "config: 'api_key' is missing. Set it to a Customer.io App API key (Settings > API Credentials > App API Keys) " +
                "in the --config file or in TAP_CUSTOMERIO_API_KEY.");
        }

        var region = (read.String(S("region")) ?? "us").Trim().ToLowerInvariant();
        if (!RegionHosts.TryGetValue(region, out var host))
        {
            throw ConfigReader.Invalid(S("region"), JsonValue.Create(region), "must be 'us' or 'eu' (the workspace's data center)");
        }

        var baseUrl = read.String(S("base_url")) is { Length: > 0 } custom ? ParseBaseUrl(custom, S("base_url")) : host;

        return new TapConfig
        {
            ApiKey = apiKey.Trim(),
            Region = region,
            BaseUrl = baseUrl,
            StartDate = ParseDate(read.String(S("start_date")), S("start_date")) ?? new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero),
            MaxRequestsPerSecond = Between(read.Number(S("max_requests_per_second")) ?? 10, 0.01, 1000, S("max_requests_per_second"), read),
            RequestTimeout = TimeSpan.FromSeconds(Between(read.Integer(S("request_timeout_seconds")) ?? 60, 1, 3600, S("request_timeout_seconds"), read)),
            MessagesLookbackDays = (int)Between(read.Integer(S("messages_lookback_days")) ?? 30, 0, 3650, S("messages_lookback_days"), read),
            MessagesWindowDays = (int)Between(read.Integer(S("messages_window_days")) ?? 180, 1, 180, S("messages_window_days"), read),
            LookbackMinutes = (int)Between(read.Integer(S("lookback_minutes")) ?? 60, 0, 525_600, S("lookback_minutes"), read),
            CustomerFilter = read.Object(S("customer_filter")),
            CustomerAttributes = read.StringArray(S("customer_attributes")),
            ActivityTypes = read.StringArray(S("activity_types")) ?? [],
            MessageTypes = read.StringArray(S("message_types")) ?? [],
            ActivityDeleted = read.Boolean(S("activity_deleted")) ?? false,
            ActivityNames = read.StringArray(S("activity_names")) ?? [],
            MetricsPeriod = Option(read, S("metrics_period")),
            MetricsSteps = read.Integer(S("metrics_steps")) is { } steps ? (int)Between(steps, 1, 121, S("metrics_steps"), read) : null,
            MetricsResolution = Option(read, S("metrics_resolution")),
            MetricsTimezone = TimeZone(read.String(S("metrics_timezone")) ?? "UTC", S("metrics_timezone")),
            MetricsDays = (int)Between(read.Integer(S("metrics_days")) ?? 90, 1, 3650, S("metrics_days"), read),
            EspDomains = read.StringArray(S("esp_domains")) ?? [],
            ActivateVersion = read.Boolean(S("activate_version")) ?? true,
        };
    }

    private static Uri ParseBaseUrl(string text, Setting setting)
    {
        if (!Uri.TryCreate(text.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw ConfigReader.Invalid(setting, JsonValue.Create(text), "must be an absolute https URL such as https://api.customer.io");
        }

        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            throw ConfigReader.Invalid(setting, JsonValue.Create(text),
                "must use https: plain http would send the API key in clear text (it is allowed only for 127.0.0.1 and localhost)");
        }

        if (uri.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal))
        {
            throw ConfigReader.Invalid(setting, JsonValue.Create(text), "must not end in /v1 (the tap adds it)");
        }

        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    internal static DateTimeOffset? ParseDate(string? text, Setting setting)
    {
        if (text is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var value))
        {
            // Customer.io counts time in Unix seconds: nothing it holds is older than 1970.
            return value >= DateTimeOffset.UnixEpoch
                ? value
                : throw ConfigReader.Invalid(setting, JsonValue.Create(text), "must be 1970-01-01T00:00:00Z or later");
        }

        throw ConfigReader.Invalid(setting, JsonValue.Create(text), "must be an RFC 3339 date-time such as 2024-01-01T00:00:00Z");
    }

    private static double Between(double value, double min, double max, Setting setting, ConfigReader read) =>
        value >= min && value <= max
            ? value
            : throw ConfigReader.Invalid(setting, read.Raw(setting), $"must be between {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} and {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");



    private static string Option(ConfigReader read, Setting setting)
    {
        var value = (read.String(setting) ?? setting.Default!).Trim().ToLowerInvariant();
        return setting.Options!.Contains(value)
            ? value
            : throw ConfigReader.Invalid(setting, JsonValue.Create(value), $"must be one of {string.Join(", ", setting.Options!)}");
    }

    private static string TimeZone(string id, Setting setting)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ConfigReader.Invalid(setting, JsonValue.Create(id), "must be an IANA time zone such as UTC or America/New_York");
        }
    }
}
