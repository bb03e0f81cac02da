using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Config;

/// <summary>
/// The kinds of setting the tap has, each with its reading and validation, so that a setting in <see cref="Settings"/>
/// is one line: name, default, bounds, description. Error messages name the key and the rule (see <see cref="ConfigReader.Invalid"/>).
/// </summary>
internal static class SettingTypes
{
    public static Setting<string> Secret(string name, string description, string missing) =>
        new(name, SettingKind.Secret, description, "", (read, s) =>
            read.String(s) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : throw new TapException(missing))
        {
            Required = true,
        };

    /// <summary>One of <paramref name="options"/>, case-insensitive; <paramref name="rule"/> replaces the generic error.</summary>
    public static Setting<string> Choice(string name, string @default, IReadOnlyList<string> options, string description, string? rule = null) =>
        new(name, SettingKind.Options, description, @default, (read, s) =>
        {
            var value = (read.String(s) ?? @default).Trim().ToLowerInvariant();
            return options.Contains(value)
                ? value
                : throw ConfigReader.Invalid(s, JsonValue.Create(value), rule ?? $"must be one of {string.Join(", ", options)}");
        })
        {
            Options = options,
        };

    /// <summary>A string; <paramref name="check"/> validates and normalises it.</summary>
    public static Setting<string> Text(string name, string @default, string description, Func<string, Setting, string> check) =>
        new(name, SettingKind.String, description, @default, (read, s) => check(read.String(s) ?? @default, s));

    /// <summary>An absolute https URL (http only for loopback hosts), or none.</summary>
    public static Setting<Uri?> Url(string name, string description) =>
        new(name, SettingKind.String, description, null, (read, s) => read.String(s) is { Length: > 0 } text ? HttpsUrl(text, s) : null);

    public static Setting<DateTimeOffset> Date(string name, DateTimeOffset @default, string description) =>
        new(name, SettingKind.DateTime, description, @default, (read, s) => read.String(s) is { } text ? ParseDate(text, s) : @default);

    public static Setting<int> Integer(string name, int @default, int min, int max, string description) =>
        new(name, SettingKind.Integer, description, @default, (read, s) => (int)Between(read.Integer(s) ?? @default, min, max, s, read));

    public static Setting<int?> OptionalInteger(string name, int min, int max, string description) =>
        new(name, SettingKind.Integer, description, null, (read, s) => read.Integer(s) is { } value ? (int)Between(value, min, max, s, read) : null);

    public static Setting<double> Number(string name, double @default, double min, double max, string description) =>
        new(name, SettingKind.Number, description, @default, (read, s) => Between(read.Number(s) ?? @default, min, max, s, read));

    /// <summary>A switch: true or false (from the environment: "true" or "false").</summary>
    public static Setting<bool> Switch(string name, bool @default, string description) =>
        new(name, SettingKind.Boolean, description, @default, (read, s) => read.Boolean(s) ?? @default);

    /// <summary>A list of strings; an absent key is the empty list.</summary>
    public static Setting<IReadOnlyList<string>> List(string name, string description) =>
        new(name, SettingKind.StringArray, description, [], (read, s) => read.StringArray(s) ?? []);

    /// <summary>A list of strings where an absent key means "no restriction", which differs from an empty list.</summary>
    public static Setting<IReadOnlyList<string>?> OptionalList(string name, string description) =>
        new(name, SettingKind.StringArray, description, null, (read, s) => read.StringArray(s));

    public static Setting<JsonObject?> Object(string name, string description) =>
        new(name, SettingKind.Object, description, null, (read, s) => read.Object(s));

    /// <summary>A default as <c>--about</c> and meltano.yml write it.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        int number => number,
        double number => number,
        DateTimeOffset date => Rfc3339.Format(date),
        IReadOnlyList<string> list => new JsonArray(list.Select(i => (JsonNode?)i).ToArray()),
        _ => throw new ArgumentException($"no JSON form for a default of type {value.GetType().Name}", nameof(value)),
    };

    public static DateTimeOffset ParseDate(string text, Setting setting)
    {
        if (!Rfc3339.TryParse(text, out var value))
        {
            throw ConfigReader.Invalid(setting, JsonValue.Create(text), "must be an RFC 3339 date-time such as 2024-01-01T00:00:00Z");
        }

        // Customer.io counts time in Unix seconds: nothing it holds is older than 1970.
        return value >= DateTimeOffset.UnixEpoch
            ? value
            : throw ConfigReader.Invalid(setting, JsonValue.Create(text), "must be 1970-01-01T00:00:00Z or later");
    }

    private static Uri HttpsUrl(string text, Setting setting)
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

    public static string TimeZone(string id, Setting setting)
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

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static double Between(double value, double min, double max, Setting setting, ConfigReader read) =>
        value >= min && value <= max
            ? value
            : throw ConfigReader.Invalid(setting, read.Raw(setting),
                $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
}
