using System.Globalization;

namespace TapCustomerIo.Bench.Floor;

internal enum FloorMode
{
    /// <summary>Read each body and write it to stdout.</summary>
    Copy,

    /// <summary>Also read every token of each 2xx body with <see cref="System.Text.Json.Utf8JsonReader"/>.</summary>
    Check,

    /// <summary>
    /// Also check each 2xx body as the tap does (<c>JsonScan.SkipEnvelope</c>, linked from the tap's source): the
    /// structure checked, the envelope's lists and their records' properties noted, nothing decoded.
    /// </summary>
    Scan,
}

internal sealed record FloorOptions(Uri BaseUrl, string ApiKey, string RequestsFile, FloorMode Mode, int Parallel)
{
    public const string Usage = "usage: tap-floor --base-url URL --api-key KEY --requests FILE --mode copy|check|scan [--parallel N]";

    /// <summary>Null when an argument is missing, unknown or malformed.</summary>
    public static FloorOptions? Parse(string[] args)
    {
        Uri? baseUrl = null;
        string? apiKey = null, requests = null;
        FloorMode? mode = null;
        var parallel = 4; // the tap's usual number of requests in flight on the mix
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--base-url" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    baseUrl = uri;
                    break;
                case "--api-key":
                    apiKey = value;
                    break;
                case "--requests":
                    requests = value;
                    break;
                case "--mode" when value is "copy" or "check" or "scan":
                    mode = value switch { "copy" => FloorMode.Copy, "check" => FloorMode.Check, _ => FloorMode.Scan };
                    break;
                case "--parallel" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    parallel = n;
                    break;
                default:
                    return null;
            }
        }

        return args.Length % 2 == 0 && baseUrl is not null && apiKey is not null && requests is not null && mode is { } m
            ? new FloorOptions(baseUrl, apiKey, requests, m, parallel)
            : null;
    }
}

/// <summary>A failure reported as one line on stderr.</summary>
internal sealed class FloorException(string message) : Exception(message);
