using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class SchedulingEndpointsTests
{
    private const string SchedulerAccount = "scheduler@p.iam.gserviceaccount.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tick_answers_200_with_its_metrics_in_snake_case()
    {
        await using var server = await SchedulerServer.StartAsync();
        await PostJobAsync(server, """{"id":"j1","type":"test"}""");
        await PostJobAsync(server, """{"id":"j2","type":"test"}""");

        var response = await server.Client.PostAsync("/cron/tick", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var fields = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Superset(new HashSet<string> { "jobs_checked", "jobs_claimed", "jobs_executed", "jobs_succeeded", "jobs_failed", "jobs_skipped_claimed", "duration_ms" }, fields.Keys.ToHashSet());
        Assert.Equal([2, 2, 2, 2, 0, 0], new[] { "jobs_checked", "jobs_claimed", "jobs_executed", "jobs_succeeded", "jobs_failed", "jobs_skipped_claimed" }.Select(k => fields[k].GetInt32()));
        Assert.True(fields["duration_ms"].GetInt64() >= 0);
    }

    [Fact]
    public async Task A_repeated_delivery_of_one_schedule_time_runs_nothing()
    {
        await using var server = await SchedulerServer.StartAsync();
        await PostJobAsync(server, """{"id":"j1","type":"test"}""");

        var first = await TickAsync(server, "2026-01-05T12:00:00Z");
        await PostJobAsync(server, """{"id":"j2","type":"test"}""");
        var again = await TickAsync(server, "2026-01-05T12:00:00.000Z");

        Assert.Equal(1, first.GetProperty("jobs_executed").GetInt32());
        Assert.Equal(0, again.GetProperty("jobs_executed").GetInt32());
        Assert.True(again.GetProperty("duplicate_delivery").GetBoolean());
        Assert.Single(server.Handler.Runs);
    }

    [Fact]
    public async Task A_delivery_ahead_of_its_schedule_time_runs_and_is_not_recorded_so_the_scheduled_tick_still_runs()
    {
        await using var server = await SchedulerServer.StartAsync();
        await PostJobAsync(server, """{"id":"j1","type":"test"}""");

        var forced = await TickAsync(server, "2099-01-05T12:01:00Z");
        await PostJobAsync(server, """{"id":"j2","type":"test"}""");
        var again = await TickAsync(server, "2099-01-05T12:01:00Z");

        Assert.True(forced.GetProperty("ahead_of_schedule").GetBoolean());
        Assert.False(again.GetProperty("duplicate_delivery").GetBoolean());
        Assert.Equal(1, again.GetProperty("jobs_executed").GetInt32());
        Assert.Equal(2, server.Handler.Runs.Count);
    }

    [Fact]
    public async Task Post_jobs_answers_201_with_the_stored_job_and_get_reads_it_back()
    {
        await using var server = await SchedulerServer.StartAsync();

        var created = await server.Client.PostAsync("/jobs", PushBodies.Json("""{"type":"test","payload":{"n":1,"nested":{"s":"x"}},"cron":"0 9 * * *","timeZone":"America/New_York","maxAttempts":3}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement;
        var id = job.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"/jobs/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("test", "pending", 3, 0), (job.GetProperty("type").GetString(), job.GetProperty("status").GetString(), job.GetProperty("maxAttempts").GetInt32(), job.GetProperty("attempts").GetInt32()));
        Assert.Equal("""{"n":1,"nested":{"s":"x"}}""", job.GetProperty("payload").GetRawText());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero), job.GetProperty("scheduleAt").GetDateTimeOffset()); // 09:00 EST
        var read = await server.Client.GetStringAsync($"/jobs/{id}", Ct);
        Assert.Equal(job.GetRawText(), JsonDocument.Parse(read).RootElement.GetRawText());
    }

    [Fact]
    public async Task Post_jobs_answers_409_when_the_id_exists_and_get_answers_404_for_an_unknown_id()
    {
        await using var server = await SchedulerServer.StartAsync();
        await PostJobAsync(server, """{"id":"same","type":"test"}""");

        var again = await server.Client.PostAsync("/jobs", PushBodies.Json("""{"id":"same","type":"test"}"""), Ct);
        var missing = await server.Client.GetAsync("/jobs/nope", Ct);
        var invalid = await server.Client.GetAsync("/jobs/__x__", Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"mystery"}""", "type 'mystery' has no handler; registered types: [http, pubsub, test]")]
    [InlineData("""{"payload":{}}""", "type is required")]
    [InlineData("""{"type":"test","cron":"61 * * * *"}""", "cron '61 * * * *' is not valid")]
    [InlineData("""{"type":"test","cron":"* * *"}""", "cron '* * *' has 3 fields")]
    [InlineData("""{"type":"test","cron":"0 9 * * *","timeZone":"Mars/Olympus"}""", "timeZone 'Mars/Olympus' is not a known time zone")]
    [InlineData("""{"type":"test","timeZone":"UTC"}""", "timeZone applies to cron")]
    [InlineData("""{"type":"test","maxAttempts":0}""", "maxAttempts must be between 1 and 100")]
    [InlineData("""{"type":"test","payload":[1]}""", "payload must be a JSON object")]
    [InlineData("""{"type":"test","id":"a/b"}""", "id 'a/b' is not valid")]
    [InlineData("""{"type":"test","schedule_at":"2026-01-01T00:00:00Z"}""", "the body is not a valid job request")]
    [InlineData("""not json""", "the body is not a valid job request")]
    [InlineData("""{"type":"http","payload":{"url":"https://run.googleapis.com/v2/projects/p/locations/r/jobs/j:run","audience":"x"}}""", "is a Google API: it rejects OIDC ID tokens")]
    [InlineData("""{"type":"pubsub","payload":{"topic":"phase3","data":"x"}}""", "'topic' must be a topic name")]
    [InlineData("""{"type":"test","misfire":"Skip"}""", "misfire applies to cron")]
    [InlineData("""{"type":"test","cron":"* * * * *","misfire":7}""", "misfire must be RunOnce, RunAll or Skip")]
    public async Task Post_jobs_answers_400_with_the_reason(string body, string reason)
    {
        await using var server = await SchedulerServer.StartAsync();

        var response = await server.Client.PostAsync("/jobs", PushBodies.Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString();
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/cron/tick")]
    [InlineData("POST", "/jobs")]
    [InlineData("GET", "/jobs/any")]
    public async Task Every_endpoint_answers_401_without_the_scheduler_accounts_token(string method, string path)
    {
        await using var server = await SchedulerServer.StartAsync(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
            o.Authentication.AllowedPrincipals = [SchedulerAccount];
        });
        var intruder = PushBodies.CloudRunToken("intruder@p.iam.gserviceaccount.com", "https://svc.a.run.app", server.Time.GetUtcNow().AddMinutes(30));

        using var anonymous = new HttpRequestMessage(new HttpMethod(method), path) { Content = PushBodies.Json("""{"type":"test"}""") };
        using var other = new HttpRequestMessage(new HttpMethod(method), path) { Content = PushBodies.Json("""{"type":"test"}""") };
        other.Headers.Authorization = new AuthenticationHeaderValue("Bearer", intruder);

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(anonymous, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(other, Ct)).StatusCode);
        Assert.Empty(server.Handler.Runs);
    }

    [Fact]
    public async Task The_scheduler_accounts_token_is_accepted()
    {
        await using var server = await SchedulerServer.StartAsync(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
            o.Authentication.AllowedPrincipals = [SchedulerAccount];
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/tick");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PushBodies.CloudRunToken(SchedulerAccount, "https://svc.a.run.app", server.Time.GetUtcNow().AddMinutes(30)));

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unavailable_store_answers_503_so_Cloud_Scheduler_retries()
    {
        await using var server = await SchedulerServer.StartAsync(services: s => s.AddSingleton<IScheduledJobStore>(new UnavailableStore()));

        var tick = await server.Client.PostAsync("/cron/tick", null, Ct);
        var create = await server.Client.PostAsync("/jobs", PushBodies.Json("""{"type":"test"}"""), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, tick.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
    }

    private static async Task PostJobAsync(SchedulerServer server, string body)
    {
        var response = await server.Client.PostAsync("/jobs", PushBodies.Json(body), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonElement> TickAsync(SchedulerServer server, string scheduleTime)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/tick");
        request.Headers.Add("X-CloudScheduler-ScheduleTime", scheduleTime);
        request.Headers.Add("X-CloudScheduler-JobName", "pax-tick");
        var response = await server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private sealed class UnavailableStore : IScheduledJobStore
    {
        public Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken) => throw Down();

        public Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => throw Down();

        public Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken) => throw Down();

        public Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken) => throw Down();

        public Task ReleaseTickAsync(string deliveryKey, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int shard, int limit, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyCollection<int>> ListLeasedShardsAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw Down();

        public Task<string?> TryLeaseShardAsync(int shard, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) => throw Down();

        public Task ReleaseShardAsync(int shard, string version, CancellationToken cancellationToken) => throw Down();

        private static HttpRequestException Down() => new("connection refused");
    }
}
