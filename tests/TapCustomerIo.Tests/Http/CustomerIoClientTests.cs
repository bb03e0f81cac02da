using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using TapCustomerIo.Config;
using TapCustomerIo.Http;

namespace TapCustomerIo.Tests.Http;

public sealed class CustomerIoClientTests
{
    private static readonly TapConfig Config = new() { ApiKey = "secret-key-77", BaseUrl = new Uri("https://api.customer.io") };

    private sealed class ScriptedHandler(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Calls;
        public readonly List<HttpRequestMessage> Requests = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(Interlocked.Increment(ref Calls)));
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Runs a request while moving fake time forward, so backoff delays pass instantly.</summary>
    private static async Task<T> WithFakeTime<T>(FakeTimeProvider time, Func<Task<T>> action)
    {
        var task = action();
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        return await task;
    }

    [Fact]
    public async Task Gives_up_after_the_retry_budget_with_one_clear_message()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.ServiceUnavailable, """{"errors":[{"detail":"try later","status":"503"}]}"""));
        using var client = new CustomerIoClient(Config, new LoggerConfiguration().CreateLogger(), time, handler: handler);

        var error = await Assert.ThrowsAsync<TapException>(() =>
            WithFakeTime(time, () => client.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/campaigns", [], "campaigns"), default)));

        Assert.Equal(1 + RetryPolicy.Default.MaxRetries, handler.Calls);
        Assert.Contains("503", error.Message);
        Assert.Contains("try later", error.Message);
        Assert.Contains("still failing after retries", error.Message);
        Assert.DoesNotContain("secret-key-77", error.Message);
    }

    [Fact]
    public async Task Honours_retry_after_then_succeeds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new ScriptedHandler(call => call == 1
            ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)) } }
            : Json(HttpStatusCode.OK, """{"campaigns": []}"""));
        using var client = new CustomerIoClient(Config, new LoggerConfiguration().CreateLogger(), time, handler: handler);
        var started = time.GetUtcNow();

        using var document = await WithFakeTime(time, () => client.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/campaigns", [], "campaigns"), default));

        Assert.NotNull(document);
        Assert.Equal(2, handler.Calls);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Sends_bearer_auth_user_agent_and_escaped_cursors()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.OK, "{}"));
        using var client = new CustomerIoClient(Config, new LoggerConfiguration().CreateLogger(), TimeProvider.System, handler: handler);

        using var _ = await client.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/activities", [new("start", "a+b/c=="), new("limit", "100")], "activities"), default);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://api.customer.io/v1/activities?start=a%2Bb%2Fc%3D%3D&limit=100", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer secret-key-77", request.Headers.Authorization!.ToString());
        Assert.StartsWith("tap-customerio/", request.Headers.UserAgent.ToString());
    }

    [Fact]
    public async Task A_404_of_a_child_is_empty_but_of_a_list_is_an_error()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.NotFound, """{"errors":[{"detail":"not found","status":"404"}]}"""));
        using var client = new CustomerIoClient(Config, new LoggerConfiguration().CreateLogger(), TimeProvider.System, handler: handler);

        Assert.Null(await client.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/campaigns/9/actions", [], "campaign_actions", MissingIsEmpty: true), default));
        var error = await Assert.ThrowsAsync<TapException>(() => client.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/campaigns", [], "campaigns"), default));
        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task Remembers_each_streams_largest_body_not_its_last_for_the_child_gate()
    {
        var big = "{\"ids\":[" + string.Join(",", Enumerable.Range(0, 5000)) + "]}";
        var bodies = new[] { big, """{"ids":[1]}""" };
        var handler = new ScriptedHandler(call => Json(HttpStatusCode.OK, bodies[call - 1]));
        using var client = new CustomerIoClient(Config, new LoggerConfiguration().CreateLogger(), TimeProvider.System, handler: handler);

        Assert.Null(client.LargestBodySize("segment_membership"));
        foreach (var segment in new[] { 1, 2 })
        {
            using var _ = await client.SendAsync(new ApiRequest(HttpMethod.Get, $"/v1/segments/{segment}/membership", [], "segment_membership"), default);
        }

        Assert.Equal(Encoding.UTF8.GetByteCount(big), client.LargestBodySize("segment_membership"));
        Assert.Null(client.LargestBodySize("segments"));
    }
}
