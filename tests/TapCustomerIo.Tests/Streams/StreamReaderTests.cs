using System.Globalization;
using System.Text.Json;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Http;
using TapCustomerIo.Paging;
using TapCustomerIo.Streams;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Streams;

/// <summary>The one reader, on the real declarations, against a scripted API.</summary>
public sealed class StreamReaderTests
{
    private static readonly DateTimeOffset Signpost = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TapConfig Config = new() { ApiKey = "k", BaseUrl = new Uri("https://api.test"), StartDate = Signpost.AddDays(-65), MessagesWindowDays = 30 };

    private static async Task<(List<RecordBatch> Batches, ScriptedApi Api)> ReadAsync(string stream, Func<string, string?> answer,
        DateTimeOffset? bookmark = null, params KeyValuePair<string, string>[] parent)
    {
        var api = new ScriptedApi(answer);
        using var client = api.Client();
        var batches = new List<RecordBatch>();
        await foreach (var batch in Read(stream, client, bookmark, parent))
        {
            batches.Add(batch);
        }

        return (batches, api);
    }

    /// <summary>One read of <paramref name="stream"/> through <paramref name="client"/>, as a sync would make it.</summary>
    private static IAsyncEnumerable<RecordBatch> Read(string stream, CustomerIoClient client, DateTimeOffset? bookmark = null,
        KeyValuePair<string, string>[]? parent = null, TapConfig? config = null)
    {
        var definition = StreamRegistry.Find(stream)!;
        config ??= Config;
        var policy = IncrementalPolicy.For(definition, config, bookmark, Signpost, commits: true);
        var context = new ReadContext(definition, client, config, new LoggerConfiguration().CreateLogger(), parent ?? [], policy, Emitting: true);
        return definition.Source.ReadAsync(context, default);
    }

    private static IEnumerable<string> Ids(IEnumerable<RecordBatch> batches, string key = "id") =>
        batches.SelectMany(b => b.Records).Select(r => r.GetProperty(key).ToString());

    private static string Activities(string next, params int[] ids) =>
        $$"""{"activities": [{{string.Join(',', ids.Select(i => $$"""{"id": "a{{i}}", "timestamp": {{Signpost.ToUnixTimeSeconds() - i}}}"""))}}], "next": "{{next}}"}""";

    [Fact]
    public async Task Activities_end_at_the_first_empty_page_whatever_its_cursor()
    {
        var (batches, api) = await ReadAsync("activities", target => target switch
        {
            "/v1/activities?limit=100" => Activities("c1", 1, 2),
            "/v1/activities?limit=100&start=c1" => Activities("c2", 3),
            _ => Activities("fresh" + Guid.NewGuid()), // the API's endless tail of empty pages
        });

        Assert.Equal(["a1", "a2", "a3"], Ids(batches));
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task Segment_membership_keeps_reading_after_an_empty_page_and_drops_a_member_repeated_at_the_page_edge()
    {
        var (batches, api) = await ReadAsync("segment_membership", target => target switch
        {
            "/v1/segments/7/membership?limit=30000" => """{"identifiers": [], "next": "c1"}""",
            "/v1/segments/7/membership?limit=30000&start=c1" => """{"identifiers": [{"cio_id": "p1"}, {"cio_id": "p2"}], "next": "c2"}""",
            "/v1/segments/7/membership?limit=30000&start=c2" => """{"identifiers": [{"cio_id": "p2"}, {"cio_id": "p3"}], "next": ""}""",
            _ => null,
        }, parent: new KeyValuePair<string, string>("segment_id", "7"));

        Assert.Equal(["p1", "p2", "p3"], Ids(batches, "cio_id"));
        Assert.Equal(3, api.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_sender_is_read_once_whether_hidden_true_lists_the_visible_ones_too_or_not(bool hiddenIncludesVisible)
    {
        var (batches, _) = await ReadAsync("sender_identities", target => target switch
        {
            "/v1/sender_identities?hidden=false&limit=100" => """{"sender_identities": [{"id": 1}, {"id": 2}]}""",
            "/v1/sender_identities?hidden=true&limit=100" => hiddenIncludesVisible
                ? """{"sender_identities": [{"id": 1}, {"id": 3}, {"id": 2}]}"""
                : """{"sender_identities": [{"id": 3}]}""",
            _ => null,
        });

        Assert.Equal(["1", "2", "3"], Ids(batches).Order());
    }

    [Fact]
    public async Task A_newest_first_list_stops_after_the_first_page_wholly_before_the_threshold()
    {
        var (batches, api) = await ReadAsync("activities", target => target switch
        {
            "/v1/activities?limit=100" => Activities("c1", 10, 20),
            "/v1/activities?limit=100&start=c1" => Activities("c2", 30_000, 40_000),
            _ => Activities("c3", 50_000),
        }, bookmark: Signpost.AddSeconds(-1000).AddMinutes(60));

        Assert.Equal(2, batches.Count);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task Deliveries_are_read_in_windows_whose_completion_is_reported_up_to_the_signpost()
    {
        var (batches, api) = await ReadAsync("messages", target =>
        {
            var start = target.Split('&').Single(p => p.Contains("start_ts=", StringComparison.Ordinal)).Split('=')[1];
            return target.Contains("start=", StringComparison.Ordinal)
                ? $$"""{"messages": [{"id": "m{{start}}", "created": {{start}}}], "next": ""}"""
                : """{"messages": [], "next": "more"}"""; // each window's first page is empty but carries a cursor
        });

        var windows = api.Requests.Where(r => !r.Contains("start=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, windows.Length);
        Assert.Equal(3, Ids(batches).Count());
        var marks = batches.Where(b => b.CompletedThrough is not null).Select(b => b.CompletedThrough!.Value).ToArray();
        Assert.Equal(marks.Order(), marks);
        Assert.Equal(Signpost, marks[^1]);
        Assert.All(api.Requests, r => Assert.Contains("limit=1000", r, StringComparison.Ordinal));
        Assert.Contains(windows, w => w.Contains("start_ts=" + Config.StartDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    /// <summary>The delivery list of a workspace with a delivery every minute (<c>created</c> a multiple of 60), newest first, 1,000 a page.</summary>
    private static string DeliveryEveryMinute(string target)
    {
        const int Step = 60;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(target[target.IndexOf('?')..]);
        var (from, to) = (long.Parse(query["start_ts"]!, CultureInfo.InvariantCulture), long.Parse(query["end_ts"]!, CultureInfo.InvariantCulture));
        var offset = query.TryGetValue("start", out var start) ? int.Parse(start!, CultureInfo.InvariantCulture) : 0;
        var newest = to - ((to % Step) + Step) % Step; // the newest multiple of Step in the range, newest first
        var count = Math.Max(0, (newest - from) / Step + 1);
        var ids = Enumerable.Range(offset, (int)Math.Clamp(count - offset, 0, 1000)).Select(k => newest - k * Step);
        var next = offset + 1000 < count ? (offset + 1000).ToString(CultureInfo.InvariantCulture) : "";
        return $$"""{"messages": [{{string.Join(',', ids.Select(c => $$"""{"id": "m{{c}}", "created": {{c}}}"""))}}], "next": "{{next}}"}""";
    }

    [Fact]
    public async Task A_slow_api_gets_a_dense_window_divided_into_enough_pieces_to_keep_the_budget_busy()
    {
        // Half a second a page with a budget of 10 a second: 5 requests must be in flight, and four pieces would leave
        // the budget 20% idle. One 35-day window, a delivery a minute: its first page is full and 50 pages follow.
        var config = Config with { StartDate = Signpost.AddDays(-35), MessagesWindowDays = 180 };
        var api = new ScriptedApi(DeliveryEveryMinute) { Latency = TimeSpan.FromMilliseconds(500) };
        using var client = api.Client();
        var ids = new HashSet<string>();
        await foreach (var batch in Read("messages", client, config: config))
        {
            using (batch)
            {
                foreach (var record in batch.Records)
                {
                    Assert.True(ids.Add(record.GetProperty("id").ToString()));
                }
            }
        }

        var expected = (Signpost.ToUnixTimeSeconds() - config.StartDate.ToUnixTimeSeconds()) / 60 + 1;
        Assert.InRange(ids.Count, expected - 1, expected); // every delivery once
        Assert.Equal(6, WindowStyle.MaxPiecesAt(config.MaxRequestsPerSecond, api.Latency));
        Assert.Equal(6, api.MostInFlight); // the six pieces at once (the window's own walk ended at its first page)
    }

    [Fact]
    public async Task A_slow_writer_makes_divided_windows_wait_instead_of_piling_up_pages()
    {
        // A delivery a minute: each 30-day window's first page is full and the rest (43 pages) is divided into four
        // pieces. Without the read's allowance, every window walker and every piece walker would sit on a page while
        // the writer caught up: 15 pages held at once here.
        var api = new ScriptedApi(DeliveryEveryMinute);
        using var client = api.Client();
        var (written, mostHeld, ids) = (0, 0, new HashSet<string>());
        await foreach (var batch in Read("messages", client))
        {
            using (batch)
            {
                await Task.Delay(5); // the writer is slow: every walker that can run ahead does
                mostHeld = Math.Max(mostHeld, api.Requests.Count - written);
                foreach (var record in batch.Records)
                {
                    Assert.True(ids.Add(record.GetProperty("id").ToString()));
                }
            }

            written += batch.Owner is null ? 0 : 1; // a page (not a window's completion mark) is freed
        }

        var expected = (Signpost.ToUnixTimeSeconds() - Config.StartDate.ToUnixTimeSeconds()) / 60 + 1;
        Assert.InRange(ids.Count, expected - 1, expected); // every delivery once (the start may fall between two)
        Assert.True(api.Requests.Count(r => !r.Contains("start=", StringComparison.Ordinal)) > 3, "three windows, two of them divided");
        Assert.InRange(mostHeld, 1, PageStyle.Windows(1000).HeldPages);
    }

    [Fact]
    public async Task A_child_whose_parent_was_deleted_reads_nothing()
    {
        var (batches, api) = await ReadAsync("campaign_actions", _ => null, parent: new KeyValuePair<string, string>("campaign_id", "9"));

        Assert.Empty(batches);
        Assert.Equal(["/v1/campaigns/9/actions"], api.Requests);
    }

    [Fact]
    public async Task Suppressions_are_read_by_offset_per_list_and_tagged_with_their_list()
    {
        var (batches, api) = await ReadAsync("esp_suppressions", target =>
            target.Contains("offset=0", StringComparison.Ordinal)
                ? $$"""{"suppressions": [{{string.Join(',', Enumerable.Range(0, 1000).Select(i => $$"""{"email": "e{{i}}@x"}"""))}}], "category": "hard"}"""
                : """{"suppressions": null}""");

        Assert.Equal(8, api.Requests.Count);
        Assert.Equal(4000, batches.Sum(b => b.Records.Count));
        Assert.Contains("/v1/esp/suppression/spam_reports?limit=1000&offset=1000", api.Requests);
        var first = batches.First(b => b.Records.Count > 0);
        Assert.Equal([("suppression_type", "bounces"), ("domain", ""), ("category", "hard")], first.Extras.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public async Task Records_that_are_not_objects_stop_the_stream_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<TapException>(() => ReadAsync("workspaces", _ => """{"workspaces": [1]}"""));

        Assert.Contains("not objects", error.Message);
    }
}
