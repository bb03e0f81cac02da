using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TapCustomerIo.Json;
using TapCustomerIo.Schemas;

namespace TapCustomerIo.Singer;

/// <summary>
/// The single owner of stdout: Singer messages, one JSON object a line, UTF-8 without BOM. Lines are gathered in a buffer
/// and written in large blocks; a STATE flushes, so a target sees every state right after the records it covers.
/// Thread-safe: streams running concurrently write whole pages under one lock.
/// </summary>
internal sealed partial class SingerWriter : IDisposable
{
    private const int FlushThreshold = 256 * 1024;
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText StateType = JsonEncodedText.Encode("STATE");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");

    private readonly Stream _output;
    private readonly LineBuffer _lines = new(FlushThreshold + 64 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly Lock _lock = new();
    private readonly JsonSerializerOptions _nodeOptions;

    public SingerWriter(Stream output)
    {
        _output = output;
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
        _json = new Utf8JsonWriter(_lines, options);
        _nodeOptions = new JsonSerializerOptions(SingerJsonContext.Default.Options) { Encoder = options.Encoder };
    }

    public void WriteSchema(string stream, JsonObject schema, IReadOnlyList<string> keyProperties, string? bookmarkProperty)
    {
        var message = new JsonObject
        {
            ["type"] = "SCHEMA",
            ["stream"] = stream,
            ["schema"] = schema.DeepClone(),
            ["key_properties"] = new JsonArray(keyProperties.Select(k => (JsonNode?)k).ToArray()),
        };
        if (bookmarkProperty is not null)
        {
            message["bookmark_properties"] = new JsonArray(bookmarkProperty);
        }

        WriteNode(message, flush: false);
    }

    /// <summary>
    /// Writes a STATE whose value <paramref name="writeValue"/> writes while this writer's lock is held: a value read
    /// here can never be overtaken by one read later, whichever stream's thread prints it.
    /// </summary>
    public void WriteState(Action<Utf8JsonWriter> writeValue)
    {
        lock (_lock)
        {
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteString(TypeName, StateType);
            _json.WritePropertyName(ValueName);
            writeValue(_json);
            _json.WriteEndObject();
            EndLine();
            FlushLocked();
        }
    }

    /// <summary>
    /// Writes records of one stream under one lock; <paramref name="extras"/> are parent ids injected in every record;
    /// <paramref name="version"/> is the table version of a full-table sync (see <see cref="WriteActivateVersion"/>).
    /// A record line is put together from bytes: its envelope once per call, then each emitted property's name and value.
    /// </summary>
    public void WriteRecords(RecordPlan plan, IReadOnlyList<RawValue> records, IReadOnlyList<KeyValuePair<string, string>> extras, string timeExtracted,
        Action<string>? onUnknownField = null, long? version = null, Func<RawValue, IReadOnlyList<KeyValuePair<string, string?>>>? recordExtras = null)
    {
        var head = Utf8("{\"type\":\"RECORD\",\"stream\":" + Quoted(plan.Stream) + ",\"record\":");
        var tail = Utf8((version is { } v ? ",\"version\":" + v.ToString(CultureInfo.InvariantCulture) : "") + ",\"time_extracted\":" + Quoted(timeExtracted) + "}\n");
        lock (_lock)
        {
            // Loops by index here and below: an enumerator of an interface is an object per record.
            for (var r = 0; r < records.Count; r++)
            {
                var record = records[r];
                _lines.Write(head);
                WriteRecord(plan, record, extras, recordExtras?.Invoke(record) ?? [], onUnknownField);
                _lines.Write(tail);
                WriteOutIfFull();
            }
        }
    }

    private void WriteRecord(RecordPlan plan, RawValue record, IReadOnlyList<KeyValuePair<string, string>> extras,
        IReadOnlyList<KeyValuePair<string, string?>> own, Action<string>? onUnknownField)
    {
        _lines.Write((byte)'{');
        var first = true;
        for (var e = 0; e < extras.Count; e++)
        {
            var (name, text) = extras[e];
            if (plan.Fields.TryGetValue(name, out var field))
            {
                ValueWriter.Separate(_lines, ref first);
                _lines.Write(field.Prefix);
                ValueWriter.WriteText(_lines, text, field.Plan);
            }
        }

        for (var o = 0; o < own.Count; o++)
        {
            var (name, text) = own[o];
            if (plan.Fields.TryGetValue(name, out var field) && !IsExtra(extras, name))
            {
                ValueWriter.Separate(_lines, ref first);
                _lines.Write(field.Prefix);
                ValueWriter.WriteText(_lines, text, field.Plan);
            }
        }

        var position = 0;
        var singleLine = ValueWriter.IsSingleLine(record.Raw);
        foreach (var property in record.EnumerateObject())
        {
            if (plan.Lookup(property, position++) is { } field)
            {
                if ((extras.Count > 0 && IsExtra(extras, field.Key)) || (own.Count > 0 && IsExtra(own, field.Key)))
                {
                    continue;
                }

                ValueWriter.Separate(_lines, ref first);
                _lines.Write(field.Prefix);
                ValueWriter.Write(_lines, property.Value, field.Plan, singleLine);
            }
            else if (plan.Additional is { } additional && !plan.Declared.Contains(property.Name))
            {
                ValueWriter.Separate(_lines, ref first);
                _lines.Write(property.QuotedName.Raw);
                _lines.Write((byte)':');
                ValueWriter.Write(_lines, property.Value, additional, singleLine);
            }
            else if (onUnknownField is not null && plan.FirstSightOfUnknown(property.Name))
            {
                onUnknownField(property.Name);
            }
        }

        _lines.Write((byte)'}');
    }

    private static string Quoted(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static bool IsExtra<T>(IReadOnlyList<KeyValuePair<string, T>> extras, string name)
    {
        for (var e = 0; e < extras.Count; e++)
        {
            if (extras[e].Key == name)
            {
                return true;
            }
        }

        return false;
    }

    private void WriteNode(JsonObject message, bool flush)
    {
        lock (_lock)
        {
            _json.Reset();
            JsonSerializer.Serialize(_json, message, _nodeOptions.GetTypeInfo(typeof(JsonObject)));
            EndLine();
            if (flush)
            {
                FlushLocked();
            }
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _lines.Write((byte)'\n');
        WriteOutIfFull();
    }

    /// <summary>Lines go to stdout in blocks of about <see cref="FlushThreshold"/> bytes (a STATE flushes at once).</summary>
    private void WriteOutIfFull()
    {
        if (_lines.Count >= FlushThreshold)
        {
            _output.Write(_lines.Written);
            _lines.Clear();
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        _output.Write(_lines.Written);
        _lines.Clear();
        _output.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }
}
