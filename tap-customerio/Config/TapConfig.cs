using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace TapCustomerIo.Config;

/// <summary>
/// The validated configuration: a value for each of <see cref="Settings.All"/>, built by <see cref="ConfigLoader"/>.
/// A setting with no value here has its default. The named properties are shorthands for <see cref="Get{T}"/>; their
/// <c>init</c> lets a test write <c>new TapConfig { ApiKey = …, BaseUrl = …, StartDate = … }</c>.
/// </summary>
internal sealed record TapConfig
{
    private ImmutableDictionary<string, object?> _values = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The host every request goes to: <c>base_url</c> when set, otherwise the region's.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The values read, by setting name. Set it before any named property in an initialiser: it replaces them all.</summary>
    public IReadOnlyDictionary<string, object?> Values { get => _values; init => _values = value.ToImmutableDictionary(); }

    public T Get<T>(Setting<T> setting) => _values.TryGetValue(setting.Name, out var value) ? (T)value! : setting.Default;

    public TapConfig With<T>(Setting<T> setting, T value) => this with { Values = _values.SetItem(setting.Name, value) };

    public required string ApiKey { get => Get(Settings.ApiKey); init => Set(Settings.ApiKey, value); }
    public string Region { get => Get(Settings.Region); init => Set(Settings.Region, value); }
    public DateTimeOffset StartDate { get => Get(Settings.StartDate); init => Set(Settings.StartDate, value); }
    public double MaxRequestsPerSecond { get => Get(Settings.MaxRequestsPerSecond); init => Set(Settings.MaxRequestsPerSecond, value); }
    public TimeSpan RequestTimeout
    {
        get => TimeSpan.FromSeconds(Get(Settings.RequestTimeoutSeconds));
        init => Set(Settings.RequestTimeoutSeconds, (int)Math.Ceiling(value.TotalSeconds));
    }

    public int MessagesLookbackDays { get => Get(Settings.MessagesLookbackDays); init => Set(Settings.MessagesLookbackDays, value); }
    public int MessagesWindowDays { get => Get(Settings.MessagesWindowDays); init => Set(Settings.MessagesWindowDays, value); }
    public int LookbackMinutes { get => Get(Settings.LookbackMinutes); init => Set(Settings.LookbackMinutes, value); }
    public JsonObject? CustomerFilter { get => Get(Settings.CustomerFilter); init => Set(Settings.CustomerFilter, value); }
    public IReadOnlyList<string>? CustomerAttributes { get => Get(Settings.CustomerAttributes); init => Set(Settings.CustomerAttributes, value); }
    public IReadOnlyList<string> ActivityTypes { get => Get(Settings.ActivityTypes); init => Set(Settings.ActivityTypes, value); }
    public IReadOnlyList<string> MessageTypes { get => Get(Settings.MessageTypes); init => Set(Settings.MessageTypes, value); }
    public bool ActivityDeleted { get => Get(Settings.ActivityDeleted); init => Set(Settings.ActivityDeleted, value); }
    public IReadOnlyList<string> ActivityNames { get => Get(Settings.ActivityNames); init => Set(Settings.ActivityNames, value); }
    public string MetricsPeriod { get => Get(Settings.MetricsPeriod); init => Set(Settings.MetricsPeriod, value); }
    public int? MetricsSteps { get => Get(Settings.MetricsSteps); init => Set(Settings.MetricsSteps, value); }
    public string MetricsResolution { get => Get(Settings.MetricsResolution); init => Set(Settings.MetricsResolution, value); }
    public string MetricsTimezone { get => Get(Settings.MetricsTimezone); init => Set(Settings.MetricsTimezone, value); }
    public int MetricsDays { get => Get(Settings.MetricsDays); init => Set(Settings.MetricsDays, value); }
    public IReadOnlyList<string> EspDomains { get => Get(Settings.EspDomains); init => Set(Settings.EspDomains, value); }
    public bool ActivateVersion { get => Get(Settings.ActivateVersion); init => Set(Settings.ActivateVersion, value); }

    private void Set<T>(Setting<T> setting, T value) => _values = _values.SetItem(setting.Name, value);

    /// <summary>Redacted on purpose: a record's generated ToString would print the key.</summary>
    public override string ToString() => $"TapConfig {{ Region = {Region}, BaseUrl = {BaseUrl} }}";
}
