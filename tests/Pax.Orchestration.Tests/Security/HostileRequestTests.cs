using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Security;

/// <summary>Bodies built to hurt: limits hold however a body is framed, and what can never be stored is a 4xx or an acknowledged rejection, never a 5xx.</summary>
public sealed class HostileRequestTests
{
    private const int JobBodyLimit = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chunked_job_body_over_1_MiB_is_answered_413_and_nothing_is_stored()
    {
        await using var server = await SchedulerServer.StartAsync();
        var body = "{\"id\":\"big\",\"type\":\"test\",\"payload\":{\"pad\":\"" + new string('x', 3 * JobBodyLimit) + "\"}}";
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");

        var response = await server.Client.PostAsync("/jobs", content, Ct);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await server.Services.GetRequiredService<JobScheduler>().GetJobAsync("big", Ct));
    }

    [Fact]
    public async Task A_job_body_declared_over_1_MiB_is_answered_413()
    {
        await using var server = await SchedulerServer.StartAsync();
        using var content = new ByteArrayContent(new byte[JobBodyLimit + 1]);
        content.Headers.ContentType = new("application/json");

        var response = await server.Client.PostAsync("/jobs", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x2C, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x22, 0x74, 0x65, 0x73, 0x74, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D })]
    public async Task A_job_body_that_is_not_UTF_8_is_answered_400_without_details_of_the_server(byte[] body)
    {
        await using var server = await SchedulerServer.StartAsync();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await server.Client.PostAsync("/jobs", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"\ud800","type":"test"}""")]
    public async Task A_job_with_a_lone_surrogate_is_answered_400(string body)
    {
        await using var server = await SchedulerServer.StartAsync();

        var response = await server.Client.PostAsync("/jobs", PushBodies.Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>
    /// A payload string or name with a lone surrogate is valid JSON that System.Text.Json will not decode: it used to be
    /// stored, then the answer failed (500), GET /jobs/{id} answered 500 forever and the tick ran it; a client retrying
    /// without an id stored one job per retry. Now it is refused before anything is stored, as the push intake refuses it.
    /// </summary>
    [Theory]
    [InlineData("""{"type":"test","payload":{"data":"\ud800"}}""")]
    [InlineData("""{"type":"test","payload":{"\udc00":1}}""")]
    [InlineData("""{"type":"test","payload":{"list":["ok","x\ud800"]}}""")]
    [InlineData("""{"type":"test","payload":{"nested":{"deep":"\udfff\ud800"}}}""")]
    public async Task A_job_whose_payload_holds_a_lone_surrogate_is_answered_400_and_nothing_is_stored(string body)
    {
        await using var server = await SchedulerServer.StartAsync();
        var withId = body.Replace("{\"type\"", "{\"id\":\"j1\",\"type\"", StringComparison.Ordinal);

        var first = await server.Client.PostAsync("/jobs", PushBodies.Json(withId), Ct);
        var retriedWithoutId = await server.Client.PostAsync("/jobs", PushBodies.Json(body), Ct);
        var read = await server.Client.GetAsync("/jobs/j1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("lone surrogate", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, retriedWithoutId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(await server.Services.GetRequiredService<IScheduledJobStore>().ListDueAsync(DateTimeOffset.MaxValue, 100, Ct));
    }

    [Fact]
    public async Task A_payload_with_surrogate_pairs_an_astral_character_escaped_or_not_is_stored_and_answered()
    {
        await using var server = await SchedulerServer.StartAsync();

        var created = await server.Client.PostAsync("/jobs", PushBodies.Json("""{"id":"emoji","type":"test","payload":{"\ud83d\ude00":"😀 \ud83d\ude00"}}"""), Ct);
        var read = await server.Client.GetFromJsonAsync<JsonObject>("/jobs/emoji", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("😀 😀", read!["payload"]!["😀"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_job_stored_with_a_lone_surrogate_before_they_were_refused_is_still_answered_by_GET()
    {
        await using var server = await SchedulerServer.StartAsync();
        var now = server.Time.GetUtcNow();
        using var payload = JsonDocument.Parse("""{"data":"\ud800"}""");
        await server.Services.GetRequiredService<IScheduledJobStore>().TryCreateAsync(
            new ScheduledJob { Id = "legacy", Type = "test", Payload = payload.RootElement.Clone(), ScheduleAt = now, MaxAttempts = 3, CreatedAt = now, UpdatedAt = now }, Ct);

        var read = await server.Client.GetAsync("/jobs/legacy", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("\"payload\":{\"data\":\"\\ud800\"}", await read.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Once the store holds the job, the caller learns its id whatever happens while the answer is written: a 500 makes a client without an id store another job per retry.</summary>
    [Fact]
    public async Task Once_a_job_is_stored_the_answer_is_201_with_its_id_even_when_the_stored_job_cannot_be_written_back()
    {
        await using var server = await SchedulerServer.StartAsync(services: s => s.AddFakeLogging().AddSingleton<IScheduledJobStore>(sp =>
            new UnrenderableJobStore(new SqliteScheduledJobStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulingOptions>>()))));

        var response = await server.Client.PostAsync("/jobs", PushBodies.Json("""{"id":"j2","type":"test"}"""), Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.EndsWith("/jobs/j2", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("j2", answer!["id"]!.GetValue<string>());
        Assert.Contains(server.Services.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Id.Name == "CreatedAnswerIncomplete");
    }

    [Theory]
    [InlineData("{\"processor\":\"a\",\"runKey\":\"k1\",\"status\":\"succeeded\",\"details\":\"\\ud800\"}")]
    [InlineData("{\"processor\":\"\\udc00\",\"runKey\":\"k1\",\"status\":\"succeeded\"}")]
    [InlineData("{\"processor\":\"a\",\"runKey\":\"k1\\ud800\",\"status\":\"succeeded\"}")]
    public async Task A_report_with_a_lone_surrogate_is_acknowledged_and_recorded_as_rejected_with_its_id_and_first_bytes(string data)
    {
        await using var server = await OrchestratorServer.StartAsync();

        var response = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(data, "m-1")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"rejected\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var rejected = Assert.Single(await RejectedAsync(server));
        Assert.Equal("m-1", rejected.MessageId);
        Assert.StartsWith("{\"processor\":", rejected.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_whose_data_is_not_UTF_8_is_acknowledged_and_recorded_as_rejected()
    {
        await using var server = await OrchestratorServer.StartAsync();
        var data = Convert.ToBase64String([.. "{\"processor\":\"a\",\"runKey\":\"k1\",\"status\":\"succeeded\",\"details\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);
        var envelope = $$"""{"message":{"data":"{{data}}","messageId":"m-2","publishTime":"2026-02-10T05:59:58Z"},"subscription":"projects/p/subscriptions/s"}""";

        var response = await server.Client.PostAsync("/", PushBodies.Json(envelope), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = Assert.Single(await RejectedAsync(server));
        Assert.Equal("m-2", rejected.MessageId);
        Assert.Contains("UTF-8", rejected.Reason, StringComparison.Ordinal);
        Assert.NotNull(rejected.Excerpt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_oversized_delivery_is_recorded_as_rejected_with_its_message_id_and_first_bytes(bool chunked)
    {
        await using var server = await OrchestratorServer.StartAsync(o => o.MaxMessageBytes = 4096);
        var data = PushBodies.Completion("a", "k1").TrimEnd('}') + ",\"details\":\"" + new string('d', 200_000) + "\"}";
        var body = Encoding.UTF8.GetBytes(PushBodies.Wrapped(data, "m-big"));
        HttpContent content = chunked ? new StreamContent(new NonSeekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await server.Client.PostAsync("/", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = Assert.Single(await RejectedAsync(server));
        Assert.Equal("m-big", rejected.MessageId);
        Assert.StartsWith("{\"message\":{\"data\":\"", rejected.Excerpt, StringComparison.Ordinal);
        Assert.Equal(1024, rejected.Excerpt!.Length);
        Assert.Contains("MaxMessageBytes", rejected.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over Kestrel's MaxRequestBodySize (30,000,000 bytes by default) Kestrel will not hand the body over: the read
    /// throws its 413. That used to escape as an unhandled exception (ERROR with a stack trace, 413, nothing recorded);
    /// it is an oversized delivery like any other: acknowledged, kept as rejected, counted, one warning.
    /// </summary>
    [Fact]
    public async Task A_delivery_over_the_servers_request_body_limit_is_acknowledged_and_kept_as_a_rejected_oversized_delivery_without_an_error()
    {
        await using var server = await OrchestratorServer.StartAsync(services: s => s.AddFakeLogging());
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Client.BaseAddress!.Host, server.Client.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();

        // Only the headers and the first bytes are sent: Kestrel judges the declared length before reading any of the body.
        var request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-goog-pubsub-message-id: m-huge\r\n" +
            "Content-Length: 30000001\r\n\r\n{\"message\":{\"data\":\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(Ct);

        Assert.Equal("HTTP/1.1 200 OK", statusLine);
        var rejected = Assert.Single(await RejectedAsync(server));
        Assert.Equal("m-huge", rejected.MessageId);
        Assert.StartsWith("the delivery of 30000001 bytes or more exceeds Pax:Orchestration:MaxMessageBytes (65536) and the server's request body limit (Kestrel MaxRequestBodySize, 30000000 bytes)", rejected.Reason, StringComparison.Ordinal);
        var measurement = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal(("rejected", "oversized"), ((string?)measurement.Tags["pax.outcome"], (string?)measurement.Tags["pax.reason"]));
        var logs = server.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        var warning = Assert.Single(logs, r => r.Id.Name == "Rejected");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_chunked_delivery_that_outgrows_a_server_limit_set_below_MaxMessageBytes_is_acknowledged_and_kept_as_rejected()
    {
        await using var server = await OrchestratorServer.StartAsync(
            o => o.MaxMessageBytes = 64 * 1024,
            s => s.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = 32 * 1024));
        var data = PushBodies.Completion("a", "k1").TrimEnd('}') + ",\"details\":\"" + new string('d', 100_000) + "\"}";
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(PushBodies.Wrapped(data, "m-chunked"))));
        content.Headers.ContentType = new("application/json");

        var response = await server.Client.PostAsync("/", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = Assert.Single(await RejectedAsync(server));
        Assert.Null(rejected.MessageId);   // it comes after the data in the envelope, past what the server would read
        Assert.Contains("Kestrel MaxRequestBodySize, 32768 bytes", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_details_are_cut_to_the_bound_at_a_character_boundary()
    {
        await using var server = await OrchestratorServer.StartAsync();
        var details = string.Concat(Enumerable.Repeat("é😀", 400));
        var data = PushBodies.Completion("a", "k1").TrimEnd('}') + ",\"details\":\"" + details + "\"}";

        var response = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(data, "m-3")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tally = await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k1", Ct);
        var stored = tally!.Completions["a"].Details!;
        Assert.True(Encoding.UTF8.GetByteCount(stored) <= CompletionLimits.MaxDetailsBytes);
        Assert.EndsWith("…", stored, StringComparison.Ordinal);
        Assert.StartsWith(stored[..^1], details, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<RejectedMessage>> RejectedAsync(OrchestratorServer server) =>
        await ((SqliteCompletionStore)server.Services.GetRequiredService<ICompletionStore>()).ListRejectedAsync(Ct);

    /// <summary>A store that keeps jobs as SQLite does but hands back a job whose payload cannot be rendered (as a custom store that drops it might).</summary>
    private sealed class UnrenderableJobStore(IScheduledJobStore inner) : ForwardingJobStore(inner)
    {
        public override async Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken) =>
            await Inner.TryCreateAsync(job, cancellationToken) is { } stored ? stored with { Payload = default } : null;
    }

    /// <summary>A stream without a length, so HttpClient sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
