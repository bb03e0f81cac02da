using System.Text;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Discovery;
using TapCustomerIo.Singer;
using TapCustomerIo.Streams;
using TapCustomerIo.Sync;
using TapCustomerIo.Tests.Support;

namespace TapCustomerIo.Tests.Sync;

/// <summary>The runner in process: records written, bookmarks moved and STATE lines printed, against a scripted API.</summary>
public sealed class SyncRunnerTests
{
    private static readonly DateTimeOffset Signpost = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Now = Signpost.ToUnixTimeSeconds();
    private static readonly TapConfig Config = new() { ApiKey = "k", BaseUrl = new Uri("https://api.test"), StartDate = Signpost.AddDays(-45), MessagesWindowDays = 30 };

    private static async Task<(SingerTranscript Transcript, ScriptedApi Api)> SyncAsync(Func<string, string?> answer, TapState state, params string[] streams)
    {
        var api = new ScriptedApi(answer);
        using var client = api.Client();
        using var output = new MemoryStream();
        using (var writer = new SingerWriter(output))
        {
            var runner = new SyncRunner(client, Config, writer, state, new LoggerConfiguration().CreateLogger(), new FakeTimeProvider(Signpost));
            await runner.RunAsync([.. streams.Select(s => new SelectedStream(StreamRegistry.Find(s)!, null))], default);
        }

        return (SingerTranscript.Parse(Encoding.UTF8.GetString(output.ToArray())), api);
    }

    private static string? Bookmark(SingerTranscript transcript, string stream) =>
        (string?)transcript.LastState!["bookmarks"]![stream]?["replication_key_value"];

    [Fact]
    public async Task A_newest_first_stream_writes_what_is_new_and_bookmarks_the_latest_value_not_a_future_one()
    {
        var (transcript, api) = await SyncAsync(target => target switch
        {
            "/v1/activities?limit=100" => $$"""{"activities": [{"id": "future", "timestamp": {{Now + 3600}}}, {"id": "a1", "timestamp": {{Now - 60}}}], "next": "c1"}""",
            "/v1/activities?limit=100&start=c1" => $$"""{"activities": [{"id": "a2", "timestamp": {{Now - 120}}}], "next": "c2"}""",
            _ => """{"activities": [], "next": "c3"}""",
        }, TapState.Empty(), "activities");

        Assert.Equal(["\"a1\"", "\"a2\""], transcript.Keys("activities"));
        Assert.Equal(Rfc3339.Format(Signpost.AddSeconds(-60)), Bookmark(transcript, "activities"));
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task A_later_run_skips_what_the_bookmark_covers()
    {
        var state = TapState.Empty();
        state.Advance(StreamRegistry.Find("campaigns")!, Signpost.AddHours(-2));

        var (transcript, _) = await SyncAsync(_ => $$"""
            {"campaigns": [{"id": 1, "updated": {{Now - 4 * 3600}}}, {"id": 2, "updated": {{Now - 2 * 3600 - 60}}}, {"id": 3, "updated": {{Now - 60}}}]}
            """, state, "campaigns");

        // The lookback (60 minutes) re-reads campaign 2; campaign 1 is older than the bookmark minus the lookback.
        Assert.Equal(["2", "3"], transcript.Keys("campaigns"));
        Assert.Equal(Rfc3339.Format(Signpost.AddSeconds(-60)), Bookmark(transcript, "campaigns"));
    }

    [Fact]
    public async Task Delivery_windows_move_the_bookmark_as_they_complete_and_end_at_the_signpost()
    {
        var (transcript, api) = await SyncAsync(target =>
        {
            var start = target.Split('&').Single(p => p.Contains("start_ts=", StringComparison.Ordinal)).Split('=')[1];
            return $$"""{"messages": [{"id": "m{{start}}", "created": {{start}}}], "next": ""}""";
        }, TapState.Empty(), "messages");

        Assert.Equal(2, api.Requests.Count); // 45 days: two windows
        Assert.Equal(2, transcript.Keys("messages").Count);
        var bookmarks = transcript.States.Select(s => (string?)s["bookmarks"]!["messages"]?["replication_key_value"]).Where(b => b is not null).Distinct().ToArray();
        // The windows are read at once: the first window's end is a bookmark only if it completes before the second.
        Assert.Equal(bookmarks.Order(StringComparer.Ordinal), bookmarks);
        Assert.Subset(new HashSet<string?> { Rfc3339.Format(Config.StartDate.AddDays(30).AddSeconds(-1)), Rfc3339.Format(Signpost) }, bookmarks.ToHashSet());
        Assert.Equal(Rfc3339.Format(Signpost), Bookmark(transcript, "messages"));
    }

    [Fact]
    public async Task A_child_alone_walks_its_parent_without_writing_it_and_skips_a_deleted_parent()
    {
        var (transcript, api) = await SyncAsync(target => target switch
        {
            "/v1/campaigns" => $$"""{"campaigns": [{"id": 1, "updated": {{Now}}}, {"id": 2, "updated": {{Now}}}]}""",
            "/v1/campaigns/1/actions" => $$"""{"actions": [{"id": "7", "updated": {{Now - 60}}}], "next": ""}""",
            _ => null, // campaign 2 was deleted after it was listed
        }, TapState.Empty(), "campaign_actions");

        Assert.Equal(["campaign_actions"], transcript.RecordCounts.Keys);
        Assert.Equal(["1|7"], transcript.Keys("campaign_actions"));
        Assert.Equal(3, api.Requests.Count);
        Assert.Null(transcript.LastState!["bookmarks"]!["campaigns"]);
        Assert.Equal(Rfc3339.Format(Signpost.AddSeconds(-60)), Bookmark(transcript, "campaign_actions"));
    }
}
