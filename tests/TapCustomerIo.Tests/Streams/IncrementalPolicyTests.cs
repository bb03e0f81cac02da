using System.Text.Json;
using TapCustomerIo.Config;
using TapCustomerIo.Json;
using TapCustomerIo.Streams;

namespace TapCustomerIo.Tests.Streams;

public sealed class IncrementalPolicyTests
{
    private static readonly DateTimeOffset Signpost = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TapConfig Config = new()
    {
        ApiKey = "k", BaseUrl = new Uri("https://api.test"), StartDate = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), LookbackMinutes = 60,
        MessagesLookbackDays = 30,
    };

    private static StreamDefinition Stream(string name) => StreamRegistry.Find(name)!;

    private static RawValue[] Records(params long[] times) =>
        times.Select(t => RawDocument.Parse($$"""{"id": {{t}}, "timestamp": {{t}}, "updated": {{t}}}""").Root).ToArray();

    [Fact]
    public void The_threshold_is_the_bookmark_minus_the_lookback_floored_at_the_start_date()
    {
        var bookmark = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(bookmark.AddHours(-1), IncrementalPolicy.For(Stream("campaigns"), Config, bookmark, Signpost, true).Since);
        Assert.Equal(bookmark.AddDays(-30), IncrementalPolicy.For(Stream("messages"), Config, bookmark, Signpost, true).Since);
        Assert.Equal(Config.StartDate.AddSeconds(-1), IncrementalPolicy.For(Stream("campaigns"), Config, null, Signpost, true).Since);
        Assert.Equal(Config.StartDate.AddSeconds(-1), IncrementalPolicy.For(Stream("messages"), Config, Config.StartDate.AddDays(3), Signpost, true).Since);
        Assert.Null(IncrementalPolicy.For(Stream("workspaces"), Config, bookmark, Signpost, true).Since);
    }

    [Fact]
    public void Windows_cover_from_just_after_the_threshold_to_the_signpost()
    {
        var policy = IncrementalPolicy.For(Stream("messages"), Config, null, Signpost, true);

        Assert.Equal(Config.StartDate, policy.From);
        Assert.Equal(Signpost, policy.Signpost);
    }

    [Fact]
    public void Records_at_or_before_the_threshold_are_dropped_and_the_latest_value_becomes_the_bookmark()
    {
        var since = Signpost.AddDays(-1);
        var policy = IncrementalPolicy.For(Stream("campaigns"), Config, since.AddHours(1), Signpost, true);
        var s = since.ToUnixTimeSeconds();

        var kept = policy.Keep(Records(s - 5, s, s + 5, s + 7));

        Assert.Equal([s + 5, s + 7], kept.Select(r => r.GetProperty("updated").GetInt64()));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(s + 7), policy.AtStreamEnd());
    }

    [Fact]
    public void Newest_first_records_dated_after_the_signpost_are_left_for_the_next_run()
    {
        var policy = IncrementalPolicy.For(Stream("activities"), Config, null, Signpost, true);
        var now = Signpost.ToUnixTimeSeconds();

        var kept = policy.Keep(Records(now + 3600, now - 10));

        Assert.Equal([now - 10], kept.Select(r => r.GetProperty("timestamp").GetInt64()));
        Assert.Equal(1, policy.FutureSkipped);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(now - 10), policy.AtStreamEnd());
    }

    [Fact]
    public void A_newest_first_list_holds_nothing_newer_once_a_whole_page_is_at_or_before_the_threshold()
    {
        var policy = IncrementalPolicy.For(Stream("activities"), Config, Signpost.AddDays(-1), Signpost, true);
        var since = policy.Since!.Value.ToUnixTimeSeconds();

        Assert.False(policy.NothingNewerAfter(Records(since + 1, since - 1)));
        Assert.True(policy.NothingNewerAfter(Records(since, since - 1)));
        Assert.False(policy.NothingNewerAfter([]));
        Assert.False(IncrementalPolicy.For(Stream("campaigns"), Config, Signpost.AddDays(-1), Signpost, true).NothingNewerAfter(Records(1)));
    }

    [Fact]
    public void Windows_move_a_top_level_bookmark_as_they_complete_and_to_the_signpost_at_the_end()
    {
        var messages = IncrementalPolicy.For(Stream("messages"), Config, null, Signpost, true);
        var perCampaign = IncrementalPolicy.For(Stream("campaign_messages"), Config, null, Signpost, true);
        var walkedOnly = IncrementalPolicy.For(Stream("messages"), Config, null, Signpost, false);
        var through = Signpost.AddDays(-3);

        Assert.Equal(through, messages.AtWindowEnd(through));
        Assert.Null(messages.AtWindowEnd(null));
        Assert.Null(perCampaign.AtWindowEnd(through));
        Assert.Null(walkedOnly.AtWindowEnd(through));
        Assert.Equal(Signpost, messages.AtStreamEnd());
        Assert.Equal(Signpost, perCampaign.AtStreamEnd());
        Assert.Null(walkedOnly.AtStreamEnd());
        Assert.Null(IncrementalPolicy.For(Stream("workspaces"), Config, null, Signpost, true).AtStreamEnd());
    }

    [Fact]
    public void Declaring_window_paging_makes_a_stream_server_windowed()
    {
        Assert.All(StreamRegistry.All.Where(s => s.Paging.FiltersByTime), s => Assert.Equal(Incremental.ServerWindows, s.Incremental));
        Assert.All(StreamRegistry.All.Where(s => !s.Paging.FiltersByTime), s => Assert.NotEqual(Incremental.ServerWindows, s.Incremental));
        Assert.Contains(StreamRegistry.All, s => s.Incremental == Incremental.ServerWindows);
        Assert.Throws<ArgumentException>(() => Define.List("x", "/v1/x", "x") with { Incremental = Incremental.ServerWindows });
    }
}
