namespace FakeCustomerIo.Data.Deliveries;

/// <summary>
/// The <c>metrics</c> map of a delivery: metric name → Unix seconds when it happened, except the four the definition
/// documents as counts ("The number of …": <c>human_opened</c>, <c>human_clicked</c>, <c>prefetch_opened</c>,
/// <c>prefetch_clicked</c>), which hold how many times. Keys depend on the outcome and channel. Times never pass the end
/// of the generation that created the delivery, so they stay stable and in the past.
/// </summary>
internal readonly struct DeliveryMetrics
{
    public static readonly string[] Names =
        ["drafted", "sent", "delivered", "opened", "human_opened", "clicked", "human_clicked", "converted", "bounced", "spammed", "unsubscribed", "failed",
            "prefetch_opened", "prefetch_clicked"];

    private const int Drafted = 1 << 0, Sent = 1 << 1, Delivered = 1 << 2, Opened = 1 << 3, HumanOpened = 1 << 4,
        Clicked = 1 << 5, HumanClicked = 1 << 6, Converted = 1 << 7, Bounced = 1 << 8, Spammed = 1 << 9,
        Unsubscribed = 1 << 10, FailedBit = 1 << 11, PrefetchOpened = 1 << 12, PrefetchClicked = 1 << 13;

    /// <summary>Metrics whose value is a count, not a time.</summary>
    private const int Counts = HumanOpened | HumanClicked | PrefetchOpened | PrefetchClicked;

    private readonly long _created;
    private readonly long _cap;
    private readonly int _mask;
    private readonly ulong _h;

    public DeliveryMetrics(ulong h, string channel, long created, long cap)
    {
        _h = h;
        _created = created;
        _cap = Math.Max(created, cap);
        var u = Hash.Unit(h);
        var email = channel == "email";
        _mask = u switch
        {
            < 0.01 => Drafted,
            < 0.03 => FailedBit,
            < 0.06 when email => Sent | Bounced,
            _ => Sent | (channel is "email" or "push" or "twilio" or "in_app" ? Delivered : 0) | Engagement(h >> 20, email, channel),
        };
    }

    public bool Failed => (_mask & FailedBit) != 0;

    public bool Has(string name) => Array.IndexOf(Names, name) is var k and >= 0 && Contains(k);

    public bool Contains(int k) => (_mask & (1 << k)) != 0;

    public static bool IsCount(int k) => (Counts & (1 << k)) != 0;

    /// <summary>The value of metric k: a count (1–3, seeded) or <see cref="TimeOf"/>.</summary>
    public long ValueOf(int k) => IsCount(k) ? 1 + (long)((_h >> (40 + k)) % 3) : TimeOf(k);

    /// <summary>Metric k's time: each step of the funnel happens a little after the previous one.</summary>
    public long TimeOf(int k)
    {
        var t = _created + 5 + (long)(_h % 60);
        for (var j = 1; j <= k; j++)
        {
            t += j <= 2 ? 1 + (long)((_h >> (j * 4)) % 60) : 30 + (long)((_h >> (j * 3)) % (j == 3 ? 86_400UL : 900UL));
        }

        return Math.Min(t, _cap);
    }

    private static int Engagement(ulong h, bool email, string channel)
    {
        var mask = 0;
        if ((email || channel == "push") && h % 100 < 60)
        {
            mask |= Opened | (email && h % 7 != 0 ? HumanOpened : 0) | (email && h % 3 == 0 ? PrefetchOpened : 0);
        }

        if (email && (mask & Opened) != 0 && (h >> 8) % 100 < 25)
        {
            mask |= Clicked | HumanClicked | ((h >> 16) % 100 < 20 ? Converted : 0) | ((h >> 12) % 10 == 0 ? PrefetchClicked : 0);
        }

        if (email && (h >> 24) % 100 == 0)
        {
            mask |= Unsubscribed;
        }

        if (email && (h >> 32) % 500 == 0)
        {
            mask |= Spammed;
        }

        return mask;
    }
}
