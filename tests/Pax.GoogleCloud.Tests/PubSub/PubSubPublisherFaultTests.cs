using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Tests.Support;
using Pax.TestSupport.PubSub;

namespace Pax.GoogleCloud.Tests.PubSub;

/// <summary>
/// Publishing against <see cref="FakePubSubServer"/>: retried on exactly the codes Google's publisher retries, with the
/// credential's quota project, and a 401 refreshes the token once.
/// </summary>
public sealed class PubSubPublisherFaultTests : IAsyncLifetime
{
    private const string Topic = "projects/p/topics/next";
    private FakePubSubServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakePubSubServer.StartAsync(cancellationToken: Ct);
        _server.AddTopic(Topic);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>
    /// Google's publisher retry codes (python-pubsub publisher_client_config "publish" retry_codes, the same list in
    /// the googleapis pubsub_grpc_service_config.json): ABORTED, CANCELLED, DEADLINE_EXCEEDED, INTERNAL,
    /// RESOURCE_EXHAUSTED, UNAVAILABLE, UNKNOWN — with their HTTP mapping (google.rpc.Code → HTTP).
    /// </summary>
    [Theory]
    [InlineData(409, "ABORTED")]
    [InlineData(499, "CANCELLED")]
    [InlineData(504, "DEADLINE_EXCEEDED")]
    [InlineData(500, "INTERNAL")]
    [InlineData(429, "RESOURCE_EXHAUSTED")]
    [InlineData(503, "UNAVAILABLE")]
    [InlineData(500, "UNKNOWN")]
    public async Task A_publish_is_retried_on_the_codes_Googles_publisher_retries(int code, string status)
    {
        _server.FailNext(2, code, status, "The service was unable to fulfill your request.");
        await using var services = Services(new StaticAccessTokenProvider(FakePubSubServer.DefaultAccessToken));

        var ids = await services.GetRequiredService<PubSubPublisherClient>().PublishAsync(Topic, [Message()], Ct);

        Assert.Single(ids);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Single(_server.Published);
    }

    [Theory]
    [InlineData(400, "INVALID_ARGUMENT")]
    [InlineData(403, "PERMISSION_DENIED")]
    [InlineData(404, "NOT_FOUND")]
    [InlineData(409, "ALREADY_EXISTS")]
    [InlineData(400, "FAILED_PRECONDITION")]
    public async Task A_publish_is_not_retried_on_other_codes(int code, string status)
    {
        _server.FailNext(1, code, status, "no");
        await using var services = Services(new StaticAccessTokenProvider(FakePubSubServer.DefaultAccessToken));

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<PubSubPublisherClient>().PublishAsync(Topic, [Message()], Ct));

        Assert.Equal(status, error.Status);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_credentials_quota_project_is_sent_as_x_goog_user_project()
    {
        await using var services = Services(new StaticAccessTokenProvider(FakePubSubServer.DefaultAccessToken, "billing-project"));

        await services.GetRequiredService<PubSubPublisherClient>().PublishAsync(Topic, [Message()], Ct);

        Assert.Equal("billing-project", Assert.Single(_server.Requests).Headers.GetValueOrDefault("x-goog-user-project"));
    }

    [Fact]
    public async Task Without_a_quota_project_no_x_goog_user_project_header_is_sent()
    {
        await using var services = Services(new StaticAccessTokenProvider(FakePubSubServer.DefaultAccessToken));

        await services.GetRequiredService<PubSubPublisherClient>().PublishAsync(Topic, [Message()], Ct);

        Assert.False(Assert.Single(_server.Requests).Headers.ContainsKey("x-goog-user-project"));
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_retries()
    {
        var tokens = new RotatingTokens("expired-token", FakePubSubServer.DefaultAccessToken);
        await using var services = Services(tokens);

        await services.GetRequiredService<PubSubPublisherClient>().PublishAsync(Topic, [Message()], Ct);

        Assert.Equal(["Bearer expired-token", $"Bearer {FakePubSubServer.DefaultAccessToken}"], _server.Requests.Select(r => r.Authorization));
        Assert.Equal(["expired-token"], tokens.Rejected);
        Assert.Single(_server.Published);
    }

    [Fact]
    public async Task A_second_401_after_the_refresh_fails_the_call_without_more_attempts()
    {
        var tokens = new RotatingTokens("expired-token", "revoked-token", FakePubSubServer.DefaultAccessToken);
        await using var services = Services(tokens);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<PubSubPublisherClient>().PublishAsync(Topic, [Message()], Ct));

        Assert.Equal(401, (int)error.HttpStatus);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Empty(_server.Published);
    }

    private static PubSubOutgoingMessage Message() => new() { Data = Encoding.UTF8.GetBytes("{\"runKey\":\"k\"}") };

    private ServiceProvider Services(IGoogleAccessTokenProvider tokens)
    {
        var services = new ServiceCollection();
        services.AddSingleton(tokens);
        services.AddPaxGoogleCloud(o =>
        {
            o.PubSubEndpoint = _server.BaseAddress;
            GoogleApiProbeContext.UseInstantRetries(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Hands out its tokens in order: the first on every plain request, the next one on each refresh.</summary>
    private sealed class RotatingTokens(params string[] tokens) : IGoogleAccessTokenProvider
    {
        private int _current;

        public List<string?> Rejected { get; } = [];

        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => new(tokens[_current]);

        public ValueTask<string?> RefreshAccessTokenAsync(string? rejectedToken, CancellationToken cancellationToken)
        {
            Rejected.Add(rejectedToken);
            _current = Math.Min(_current + 1, tokens.Length - 1);
            return new(tokens[_current]);
        }
    }
}
