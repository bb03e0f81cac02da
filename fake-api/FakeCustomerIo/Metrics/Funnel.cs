using System.Text.Json;
using FakeCustomerIo.Data;

namespace FakeCustomerIo.Metrics;

/// <summary>Per-bucket message metrics that look like a funnel (sent ≥ delivered ≥ opened ≥ clicked…).</summary>
internal static class Funnel
{
    public static readonly string[] MessageMetrics =
        ["attempted", "sent", "delivered", "opened", "human_opened", "clicked", "human_clicked", "converted", "bounced",
         "spammed", "unsubscribed", "dropped", "failed", "undeliverable"];

    public static readonly string[] JourneyMetrics =
        ["started", "activated", "messaged", "converted", "finished", "exited_early", "never_activated"];

    public static readonly string[] LinkMetrics = ["clicked", "human_clicked"];

    public static long[] Messages(ulong h)
    {
        long Share(long of, int shift, int lo, int hi) => of * (lo + (long)((h >> shift) % (ulong)(hi - lo + 1))) / 100;
        var sent = (long)(h % 400);
        var delivered = Share(sent, 8, 90, 100);
        var opened = Share(delivered, 14, 20, 60);
        var clicked = Share(opened, 20, 5, 30);
        var (dropped, failed) = ((long)((h >> 26) % 3), (long)((h >> 28) % 2));
        return [sent + dropped + failed, sent, delivered, opened, Share(opened, 30, 85, 95), clicked, Share(clicked, 36, 85, 95),
            Share(clicked, 40, 0, 20), sent - delivered, sent / 500, delivered / 200, dropped, failed, (long)((h >> 44) % 2)];
    }

    public static long[] Journey(ulong h)
    {
        var started = (long)(h % 300);
        var activated = started * (70 + (long)((h >> 10) % 30)) / 100;
        var messaged = activated * (60 + (long)((h >> 20) % 40)) / 100;
        var finished = activated * (30 + (long)((h >> 30) % 50)) / 100;
        return [started, activated, messaged, messaged / 10, finished, activated - finished, started - activated];
    }

    /// <summary><c>"series": {name: [value per bucket, oldest first]}</c>.</summary>
    public static void WriteSeries(Utf8JsonWriter w, string[] names, int buckets, Func<int, ulong> bucketHash, Func<ulong, long[]> values)
    {
        w.WriteStartObject("series");
        WriteArrays(w, names, buckets, bucketHash, values);
        w.WriteEndObject();
    }

    /// <summary><c>name: [value per bucket, oldest first]</c> for each metric, in the object being written.</summary>
    public static void WriteArrays(Utf8JsonWriter w, string[] names, int buckets, Func<int, ulong> bucketHash, Func<ulong, long[]> values)
    {
        var table = new long[buckets][];
        for (var i = 0; i < buckets; i++)
        {
            table[i] = values(bucketHash(i));
        }

        for (var m = 0; m < names.Length; m++)
        {
            w.WriteStartArray(names[m]);
            for (var i = 0; i < buckets; i++)
            {
                w.WriteNumberValue(table[i][m]);
            }

            w.WriteEndArray();
        }
    }

    public static ulong Scope(long seed, string scope) => Hash.OfString((ulong)seed, scope);
}
