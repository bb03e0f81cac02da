using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;
using TapCustomerIo.Singer;

namespace TapCustomerIo.Bench.WritePath;

/// <summary>
/// The record write path of the <c>messages</c> stream: a parsed delivery to its UTF-8 RECORD line (schema-driven
/// transform, unix times to RFC 3339, buffered write) into <see cref="Stream.Null"/>. One operation is one record.
/// </summary>
[MemoryDiagnoser]
public class WritePathBenchmark
{
    private const string TimeExtracted = "2026-11-23T12:00:00Z";
    private readonly KeyValuePair<string, string>[] _noExtras = [];
    private RawValue[] _records = [];
    private RecordPlan? _plan;
    private SingerWriter? _writer;

    [GlobalSetup]
    public void Setup()
    {
        _records = DeliverySamples.Load();
        _plan = new RecordPlan("messages", SchemaStore.Load("messages"));
        _writer = new SingerWriter(Stream.Null);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer?.Dispose();

    [Benchmark(OperationsPerInvoke = DeliverySamples.Count)]
    public void WriteDeliveries() => _writer!.WriteRecords(_plan!, _records, _noExtras, TimeExtracted);
}
