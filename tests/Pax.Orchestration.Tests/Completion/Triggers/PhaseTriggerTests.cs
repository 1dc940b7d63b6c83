using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Tests.Support;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Processing;
using Pax.TestSupport.Emulators;
using Pax.TestSupport.Tracing;

namespace Pax.Orchestration.Tests.Completion.Triggers;

public sealed class PhaseTriggerTests(EmulatorsFixture emulators)
{
    private static readonly PhaseTriggerRequest Request = new("phase2", "2026-02-10", "phase2:2026-02-10", ["a", "b"]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_PubSub_trigger_publishes_phase_runKey_and_idempotencyKey_attributes()
    {
        var emulator = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(emulator, EmulatorsFixture.PubSubProject);
        var topic = await admin.CreateTopicAsync("next-" + Guid.NewGuid().ToString("N")[..8], Ct);
        var subscription = await admin.CreateSubscriptionAsync("pull-" + Guid.NewGuid().ToString("N")[..8], topic, null, Ct);
        await using var services = Services(o => o.PubSubEmulatorHost = emulator.HostPort);

        await new PubSubTopicTrigger(services.GetRequiredService<PubSubPublisherClient>(), topic).FireAsync(Request, Ct);
        var message = Assert.Single(await admin.PullAsync(subscription, 10, Ct));

        Assert.Equal("phase2", message.Attributes["phase"]);
        Assert.Equal("2026-02-10", message.Attributes["runKey"]);
        Assert.Equal("phase2:2026-02-10", message.Attributes["idempotencyKey"]);
        Assert.Equal("phase2:2026-02-10", JsonNode.Parse(message.Data)!["idempotencyKey"]!.GetValue<string>());
        Assert.Equal(new PhaseHandover("2026-02-10", "phase2", "phase2:2026-02-10"), PhaseHandover.FromAttributes(message.Attributes));
    }

    [Fact]
    public async Task The_job_trigger_runs_the_job_with_an_OAuth_token_and_the_run_key_in_the_environment()
    {
        await using var admin = await RecordingServer.StartAsync(body: "{\"name\":\"projects/p/locations/us-central1/operations/1\",\"done\":false}");
        await using var services = Services(o => o.CloudRunEndpoint = admin.BaseAddress);

        await new CloudRunJobTrigger(services.GetRequiredService<CloudRunJobsClient>(), "projects/p/locations/us-central1/jobs/phase3").FireAsync(Request, Ct);

        var request = Assert.Single(admin.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/projects/p/locations/us-central1/jobs/phase3:run", request.PathAndQuery);
        Assert.Equal("Bearer oauth-access-token", request.Headers["Authorization"]);
        var env = JsonNode.Parse(request.Body)!["overrides"]!["containerOverrides"]![0]!["env"]!.AsArray();
        Assert.Contains(env, e => e!["name"]!.GetValue<string>() == "PAX_RUN_KEY" && e["value"]!.GetValue<string>() == "2026-02-10");
        Assert.Contains(env, e => e!["name"]!.GetValue<string>() == "PAX_IDEMPOTENCY_KEY" && e["value"]!.GetValue<string>() == "phase2:2026-02-10");
        var variables = env.ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        Assert.Equal(new PhaseHandover("2026-02-10", "phase2", "phase2:2026-02-10"), PhaseHandover.FromEnvironment(variables.GetValueOrDefault));
    }

    [Fact]
    public async Task The_job_trigger_passes_the_trace_it_runs_in_as_TRACEPARENT()
    {
        await using var admin = await RecordingServer.StartAsync(body: "{\"name\":\"projects/p/locations/us-central1/operations/1\",\"done\":false}");
        await using var services = Services(o => o.CloudRunEndpoint = admin.BaseAddress);
        using var trigger = new Activity("trigger phase2").Start();

        await new CloudRunJobTrigger(services.GetRequiredService<CloudRunJobsClient>(), "projects/p/locations/us-central1/jobs/phase3").FireAsync(Request, Ct);

        var env = JsonNode.Parse(Assert.Single(admin.Requests).Body)!["overrides"]!["containerOverrides"]![0]!["env"]!.AsArray();
        var variables = env.ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        Assert.StartsWith($"00-{trigger.TraceId}-{trigger.SpanId}-", variables[PhaseHandover.TraceParentVariable], StringComparison.Ordinal);
        Assert.Equal("TRACEPARENT", PhaseHandover.TraceParentVariable);
    }

    [Fact]
    public async Task The_PubSub_trigger_writes_the_context_of_its_message_to_googclient_traceparent()
    {
        using var spans = new SpanRecorder();
        var emulator = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(emulator, EmulatorsFixture.PubSubProject);
        var topic = await admin.CreateTopicAsync("next-" + Guid.NewGuid().ToString("N")[..8], Ct);
        var subscription = await admin.CreateSubscriptionAsync("pull-" + Guid.NewGuid().ToString("N")[..8], topic, null, Ct);
        await using var services = Services(o => o.PubSubEmulatorHost = emulator.HostPort);
        using (new Activity("trigger phase2").Start())
        {
            await new PubSubTopicTrigger(services.GetRequiredService<PubSubPublisherClient>(), topic).FireAsync(Request, Ct);
        }

        var message = Assert.Single(await admin.PullAsync(subscription, 10, Ct));

        var create = Assert.Single(spans.Named($"{topic.Split('/')[^1]} create"));
        Assert.Equal(ActivityKind.Producer, create.Kind);
        Assert.Equal("gcp_pubsub", create.GetTagItem("messaging.system"));
        Assert.Equal(message.MessageId, create.GetTagItem("messaging.message.id"));
        Assert.Equal($"00-{create.TraceId}-{create.SpanId}-01", message.Attributes["googclient_traceparent"]);
    }

    [Fact]
    public async Task The_job_trigger_surfaces_a_403_with_the_role_to_grant()
    {
        await using var admin = await RecordingServer.StartAsync(403, "{\"error\":{\"code\":403,\"message\":\"denied\",\"status\":\"PERMISSION_DENIED\"}}");
        await using var services = Services(o => o.CloudRunEndpoint = admin.BaseAddress);

        var error = await Assert.ThrowsAsync<GoogleCloud.GoogleApiException>(() =>
            new CloudRunJobTrigger(services.GetRequiredService<CloudRunJobsClient>(), "projects/p/locations/r/jobs/j").FireAsync(Request, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatus);
        Assert.Contains("run.jobs.runWithOverrides", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles/run.jobsExecutorWithOverrides", error.Message, StringComparison.Ordinal);
        Assert.Single(admin.Requests);
    }

    [Fact]
    public async Task The_HTTP_trigger_posts_with_an_ID_token_for_the_service_and_an_idempotency_key()
    {
        await using var target = await RecordingServer.StartAsync();
        await using var services = Services(_ => { });
        var idTokens = new FakeIdTokens();
        var url = new Uri(target.BaseAddress, "next");

        await new HttpEndpointTrigger(services.GetRequiredService<IHttpClientFactory>(), idTokens, url).FireAsync(Request, Ct);

        var request = Assert.Single(target.Requests);
        Assert.Equal("Bearer id-token-for-" + url.GetLeftPart(UriPartial.Authority), request.Headers["Authorization"]);
        Assert.Equal("phase2:2026-02-10", request.Headers["Idempotency-Key"]);
        Assert.Equal("2026-02-10", JsonNode.Parse(request.Body)!["runKey"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://run.googleapis.com/v2/projects/p/locations/r/jobs/j:run")]
    [InlineData("https://run.googleapis.com./v2/projects/p/locations/r/jobs/j:run")]
    [InlineData("https://RUN.GOOGLEAPIS.COM./v2/projects/p/locations/r/jobs/j:run")]
    public void The_HTTP_trigger_refuses_Google_API_URLs_which_reject_ID_tokens(string url)
    {
        using var services = Services(_ => { });

        var error = Assert.Throws<ArgumentException>(() => new HttpEndpointTrigger(
            services.GetRequiredService<IHttpClientFactory>(), new FakeIdTokens(), new Uri(url)));

        Assert.Contains("OIDC", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Action<GoogleCloud.GoogleCloudOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider("oauth-access-token"));
        services.AddHttpClient(HttpEndpointTrigger.HttpClientName);
        services.AddPaxGoogleCloud(configure);
        return services.BuildServiceProvider();
    }

    private sealed class FakeIdTokens : IGoogleIdTokenProvider
    {
        public ValueTask<string> GetIdTokenAsync(string audience, CancellationToken cancellationToken) => new("id-token-for-" + audience);
    }
}
