using System.Globalization;

namespace FakeCustomerIo.Cli;

/// <summary>
/// <c>fake-customerio [--port N] [--seed N] [--scale small|demo|bench] [--people N] [--deliveries N] [--rate N]
/// [--latency-ms N] [--fault-rate X] [--api-key K]</c>. <c>--people</c> and <c>--deliveries</c> override the preset
/// whatever their position. Returns null and writes the reason when the arguments are wrong.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: fake-customerio [--port N] [--seed N] [--scale small|demo|bench] [--people N] [--deliveries N] " +
        "[--rate N] [--latency-ms N] [--fault-rate X] [--api-key K]";

    public static FakeApiOptions? Parse(string[] args, TextWriter error)
    {
        var options = new FakeApiOptions();
        int? people = null, deliveries = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                return Fail(error, $"missing value for {name}");
            }

            var value = args[i + 1];
            var ok = true;
            switch (name)
            {
                case "--port": options = options with { Port = Int(value, ref ok) }; break;
                case "--seed": options = options with { Seed = Int(value, ref ok) }; break;
                case "--scale": options = options with { Scale = FakeScale.FromName(value) ?? options.Scale }; ok = FakeScale.FromName(value) is not null; break;
                case "--people": people = Int(value, ref ok); break;
                case "--deliveries": deliveries = Int(value, ref ok); break;
                case "--rate": options = options with { RateLimitPerSecond = Int(value, ref ok) }; break;
                case "--latency-ms": options = options with { Latency = TimeSpan.FromMilliseconds(Int(value, ref ok)) }; break;
                case "--fault-rate": options = options with { Faults = options.Faults with { Rate = Rate(value, ref ok) } }; break;
                case "--api-key": options = options with { ApiKey = value }; break;
                default: ok = false; break;
            }
            if (!ok)
            {
                return Fail(error, $"invalid option {name} {value}");
            }
        }
        return options with
        {
            Scale = options.Scale with
            {
                People = people ?? options.Scale.People,
                Deliveries = deliveries ?? options.Scale.Deliveries,
            },
        };
    }

    private static int Int(string value, ref bool ok)
    {
        ok &= int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n);
        return n;
    }

    private static double Rate(string value, ref bool ok)
    {
        ok &= double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 1;
        return x;
    }

    private static FakeApiOptions? Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return null;
    }
}
