using System.Text;

namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>
/// Counts the tap's stdout as it streams by, without keeping it: lines, and RECORD lines per stream (read from the
/// head of each line, so the scan stays a vectorised search for '\n').
/// </summary>
internal sealed class RecordCounter
{
    private const int HeadSize = 128;
    private static ReadOnlySpan<byte> RecordPrefix => "{\"type\":\"RECORD\",\"stream\":\""u8;
    private readonly byte[] _head = new byte[HeadSize];
    private readonly Dictionary<string, long> _records = new(StringComparer.Ordinal);
    private byte[] _lastStream = [];
    private string _lastName = "";
    private int _headLength;

    public long Lines { get; private set; }

    public long Bytes { get; private set; }

    public IReadOnlyDictionary<string, long> Records => _records;

    public long TotalRecords => _records.Values.Sum();

    public async Task DrainAsync(Stream stdout)
    {
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await stdout.ReadAsync(buffer)) > 0)
        {
            Feed(buffer.AsSpan(0, read));
        }
    }

    public void Feed(ReadOnlySpan<byte> data)
    {
        Bytes += data.Length;
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            var part = newline < 0 ? data : data[..newline];
            var take = Math.Min(part.Length, HeadSize - _headLength);
            part[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            if (newline < 0)
            {
                return;
            }

            EndLine();
            data = data[(newline + 1)..];
        }
    }

    private void EndLine()
    {
        Lines++;
        var head = _head.AsSpan(0, _headLength);
        _headLength = 0;
        if (!head.StartsWith(RecordPrefix))
        {
            return;
        }

        var rest = head[RecordPrefix.Length..];
        var quote = rest.IndexOf((byte)'"');
        var name = quote < 0 ? rest : rest[..quote];
        if (!name.SequenceEqual(_lastStream))
        {
            _lastStream = name.ToArray();
            _lastName = Encoding.UTF8.GetString(name);
        }

        _records[_lastName] = _records.GetValueOrDefault(_lastName) + 1;
    }
}
