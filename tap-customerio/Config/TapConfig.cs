using System.Text.Json.Nodes;

namespace TapCustomerIo.Config;

/// <summary>The validated configuration. Built only by <see cref="ConfigLoader"/>.</summary>
internal sealed record TapConfig
{
    public required string ApiKey { get; init; }
    public string Region { get; init; } = "us";
    public required Uri BaseUrl { get; init; }
    public DateTimeOffset StartDate { get; init; } = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public double MaxRequestsPerSecond { get; init; } = 10;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public int MessagesLookbackDays { get; init; } = 30;
    public int MessagesWindowDays { get; init; } = 180;
    public int LookbackMinutes { get; init; } = 60;
    public JsonObject? CustomerFilter { get; init; }
    public IReadOnlyList<string>? CustomerAttributes { get; init; }
    public IReadOnlyList<string> ActivityTypes { get; init; } = [];
    public IReadOnlyList<string> MessageTypes { get; init; } = [];
    public bool ActivityDeleted { get; init; }
    public IReadOnlyList<string> ActivityNames { get; init; } = [];
    public string MetricsPeriod { get; init; } = "days";
    public int? MetricsSteps { get; init; }
    public string MetricsResolution { get; init; } = "days";
    public string MetricsTimezone { get; init; } = "UTC";
    public int MetricsDays { get; init; } = 90;
    public IReadOnlyList<string> EspDomains { get; init; } = [];
    public bool ActivateVersion { get; init; } = true;

    /// <summary>Redacted on purpose: a record's generated ToString would print the key.</summary>
    public override string ToString() => $"TapConfig {{ Region = {Region}, BaseUrl = {BaseUrl} }}";
}
