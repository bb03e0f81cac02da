using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TapCustomerIo.Json;

namespace TapCustomerIo.Bench.Floor;

/// <summary>
/// Sends the requests with <see cref="FloorOptions.Parallel"/> in flight, each body read whole into a pooled buffer
/// (checked in <see cref="FloorMode.Check"/> and <see cref="FloorMode.Scan"/>) and written to stdout in completion
/// order: what the tap must do at least, and nothing more.
/// </summary>
internal sealed class Replay : IDisposable
{
    private const int FirstBufferSize = 64 * 1024;
    private readonly FloorOptions _options;
    private readonly Stream _stdout;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private long _bytes;

    public Replay(FloorOptions options, Stream stdout)
    {
        _options = options;
        _stdout = stdout;
        // The tap's handler and headers (CustomerIoClient), so the fake does the same work for both.
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 32,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        })
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("tap-floor/1");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    /// <summary>The number of body bytes written to stdout.</summary>
    public async Task<long> RunAsync(IReadOnlyList<ReplayRequest> requests)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallel };
        await Parallel.ForEachAsync(requests, parallel, SendAsync);
        _stdout.Flush();
        return _bytes;
    }

    private async ValueTask SendAsync(ReplayRequest request, CancellationToken cancellation)
    {
        using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation);
        var status = (int)response.StatusCode;
        // 404: a parent deleted between its list and its children's request; the tap sees a couple on the mix.
        if (status is (< 200 or > 299) and not 404)
        {
            throw new FloorException($"{request.Method} {request.PathAndQuery}: HTTP {status}");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(response.Content.Headers.ContentLength is > 0 and < int.MaxValue / 2 and var n ? (int)n + 1 : FirstBufferSize);
        try
        {
            var length = 0;
            var stream = await response.Content.ReadAsStreamAsync(cancellation);
            await using (stream)
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellation)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }

            if (status != 404)
            {
                Check(_options.Mode, buffer.AsSpan(0, length), request);
            }

            lock (_gate)
            {
                _stdout.Write(buffer, 0, length);
                _bytes += length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks a body as <paramref name="mode"/> says (nothing for <see cref="FloorMode.Copy"/>).</summary>
    private static void Check(FloorMode mode, ReadOnlySpan<byte> body, ReplayRequest request)
    {
        try
        {
            if (mode == FloorMode.Check)
            {
                ReadEveryToken(body);
            }
            else if (mode == FloorMode.Scan && !Scan(body))
            {
                throw new FloorException($"{request.Method} {request.PathAndQuery}: text after the JSON value");
            }
        }
        catch (JsonException e)
        {
            throw new FloorException($"{request.Method} {request.PathAndQuery}: invalid JSON ({e.Message})");
        }
    }

    /// <summary>Every token, nothing kept: the least a parser of the body costs.</summary>
    private static void ReadEveryToken(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
        }
    }

    /// <summary>
    /// The tap's own check of a body (<c>RawDocument.Check</c>), its index given back at once; false when text follows
    /// the value.
    /// </summary>
    private static bool Scan(ReadOnlySpan<byte> body)
    {
        var index = new EnvelopeIndex();
        try
        {
            var start = JsonScan.SkipWhitespace(body, 0);
            return JsonScan.SkipWhitespace(body, JsonScan.SkipEnvelope(body, start, index)) == body.Length;
        }
        finally
        {
            index.Release();
        }
    }

    public void Dispose() => _http.Dispose();
}
