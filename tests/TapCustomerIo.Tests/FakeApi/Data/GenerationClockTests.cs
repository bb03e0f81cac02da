using FakeCustomerIo.Data;
using Microsoft.Extensions.Time.Testing;

namespace TapCustomerIo.Tests.FakeApi.Data;

public sealed class GenerationClockTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pinned_anchor_gives_fixed_steps()
    {
        var anchor = Now.ToUnixTimeSeconds();
        var clock = new GenerationClock(anchor, 300, realClock: null);
        Assert.Equal(1, clock.Append());
        Assert.Equal(2, clock.Append());
        Assert.Equal((anchor, anchor + 300, anchor + 600), (clock.Start(1), clock.End(1), clock.End(2)));
    }

    [Fact]
    public void Following_the_real_clock_a_generation_starts_after_the_last_request_and_ends_now()
    {
        var time = new FakeTimeProvider(Now);
        var anchor = Now.AddHours(-1).ToUnixTimeSeconds();
        var clock = new GenerationClock(anchor, 300, time);
        time.Advance(TimeSpan.FromSeconds(10));
        clock.NoteRequest();
        time.Advance(TimeSpan.FromSeconds(5));
        var g = clock.Append();
        Assert.Equal((Now.ToUnixTimeSeconds() + 10, Now.ToUnixTimeSeconds() + 15), (clock.Start(g), clock.End(g)));

        time.Advance(TimeSpan.FromSeconds(60)); // no request since: the window starts where the last one ended
        g = clock.Append();
        Assert.Equal((Now.ToUnixTimeSeconds() + 15, Now.ToUnixTimeSeconds() + 75), (clock.Start(g), clock.End(g)));
    }
}
