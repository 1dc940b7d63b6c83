using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Handlers;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class JobHandlerTests(EmulatorsFixture emulators)
{
    private static readonly DateTimeOffset Occurrence = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Http_posts_the_body_with_an_id_token_for_the_audience_and_an_idempotency_key()
    {
        await using var target = await RecordingServer.StartAsync();
        await using var http = new HttpJobHarness(o =>
        {
            o.AllowedAudiences = ["https://svc-abc.a.run.app"];
            o.AllowedUrls = [target.BaseAddress.ToString()];
        });
        var payload = $$"""{"url":"{{target.BaseAddress}}hook","body":{"report":"daily","n":2},"audience":"https://svc-abc.a.run.app"}""";

        await http.Handler.ExecuteAsync(Context("nightly", payload), Ct);

        var request = Assert.Single(target.Requests);
        Assert.Equal(("POST", "/hook"), (request.Method, request.PathAndQuery));
        Assert.Equal("""{"report":"daily","n":2}""", request.Body);
        Assert.Equal("Bearer id-token-for-https://svc-abc.a.run.app", request.Headers["Authorization"]);
        Assert.Equal("nightly@2026-01-05T12:00:00Z", request.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_fails_on_a_non_2xx_answer_and_sends_no_token_without_an_audience()
    {
        await using var target = await RecordingServer.StartAsync(status: 403);
        await using var http = new HttpJobHarness();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.Handler.ExecuteAsync(Context("j", $$"""{"url":"{{target.BaseAddress}}"}"""), Ct));

        Assert.Contains("HTTP 403", failure.Message, StringComparison.Ordinal);
        Assert.Contains("roles/run.invoker", failure.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(target.Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal("{}", target.Requests.Single().Body);
    }

    [Fact]
    public async Task PubSub_publishes_the_data_with_its_attributes_and_the_idempotency_key()
    {
        var emulator = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(emulator, EmulatorsFixture.PubSubProject);
        var topic = await admin.CreateTopicAsync("jobs-" + Guid.NewGuid().ToString("N")[..8], Ct);
        var pull = await admin.CreateSubscriptionAsync("jobs-pull-" + Guid.NewGuid().ToString("N")[..8], topic, null, Ct);
        await using var services = new ServiceCollection().AddPaxGoogleCloud(o => o.PubSubEmulatorHost = emulator.HostPort).BuildServiceProvider();
        var handler = new PubSubJobHandler(services.GetRequiredService<PubSubPublisherClient>());

        await handler.ExecuteAsync(Context("fanout", $$$"""{"topic":"{{{topic}}}","data":{"runKey":"2026-01-05"},"attributes":{"phase":"phase3"}}"""), Ct);

        var message = Assert.Single(await admin.PullAsync(pull, 10, Ct));
        Assert.Equal("""{"runKey":"2026-01-05"}""", message.Data);
        Assert.Equal("phase3", message.Attributes["phase"]);
        Assert.Equal("fanout@2026-01-05T12:00:00Z", message.Attributes["idempotencyKey"]);
    }

    [Theory]
    [InlineData("""{"topic":"projects/p/topics/jobs"}""", "'data' is required")]
    [InlineData("""{"topic":"projects/p/topics/jobs","data":"x","attributes":{"n":1}}""", "'attributes' must be an object of string values")]
    public void PubSub_refuses_bad_payloads(string payload, string reason)
    {
        using var services = new ServiceCollection().AddPaxGoogleCloud(o => o.PubSubEmulatorHost = "127.0.0.1:1").BuildServiceProvider();
        var handler = new PubSubJobHandler(services.GetRequiredService<PubSubPublisherClient>());

        Assert.Contains(reason, ((IScheduledJobHandler)handler).ValidatePayload(JsonDocument.Parse(payload).RootElement), StringComparison.Ordinal);
    }

    private static ScheduledJobContext Context(string id, string payload) => new(
        new ScheduledJob { Id = id, Type = "t", Payload = JsonDocument.Parse(payload).RootElement.Clone(), ScheduleAt = Occurrence, Status = ScheduledJobStatus.Running, Attempts = 1 },
        Occurrence);
}
