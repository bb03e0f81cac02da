using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Bench.WritePath;

/// <summary><c>writepath</c>: the BenchmarkDotNet run, then records per second against the 1,000,000 target.</summary>
internal static class WritePathMode
{
    private const double Target = 1_000_000;

    public static int Run(string[] args)
    {
        PrintSampleShape();
        // In process: the benchmark reaches the tap's internal types directly and skips BenchmarkDotNet's per-run
        // project build (which would also have to build the ASP.NET fake).
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkSwitcher.FromTypes([typeof(WritePathBenchmark)]).RunAll(config, args).Single();
        var report = summary.Reports.SingleOrDefault();
        if (report?.ResultStatistics is not { } stats)
        {
            Console.Error.WriteLine("the benchmark produced no result");
            return 1;
        }

        var perSecond = 1e9 / stats.Median;
        var (fastest, slowest) = (1e9 / stats.Min, 1e9 / stats.Max);
        Console.WriteLine();
        Console.WriteLine("| figure | median | min | max | target | ratio to target | result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| write path, records/s | {perSecond:N0} | {slowest:N0} | {fastest:N0} | ≥ {Target:N0} | {perSecond / Target:F2} | {(perSecond >= Target ? "pass" : "FAIL")} |"));
        return 0;
    }

    /// <summary>One untimed pass, so the report says how large a "delivery-sized" record is.</summary>
    private static void PrintSampleShape()
    {
        var records = DeliverySamples.Load();
        using var counter = new CountingStream();
        using (var writer = new SingerWriter(counter))
        {
            writer.WriteRecords(new RecordPlan("messages", SchemaStore.Load("messages")), records, [], "2026-11-23T12:00:00Z");
        }

        var fields = records.Average(r => r.EnumerateObject().Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sample: {records.Length} deliveries from the fake's /v1/messages, {fields:F1} top-level fields each, {counter.Length / (double)records.Length:F0} bytes per RECORD line"));
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
