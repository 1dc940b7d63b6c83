using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Tests.Support;
using Pax.TestSupport.CloudScheduler;

namespace Pax.GoogleCloud.Tests.Scheduler;

public sealed class CloudSchedulerClientTests
{
    private const string Account = "pax-scheduler@my-project.iam.gserviceaccount.com";
    private const string JobName = "projects/my-project/locations/us-east1/jobs/pax-collector-every-30-min";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchedulerJobDefinition CollectorJob(string schedule = "*/30 * * * *") => new()
    {
        Project = "my-project",
        Location = "us-east1",
        JobId = "pax-collector-every-30-min",
        Schedule = schedule,
        Target = SchedulerTarget.CloudRunJob("my-project", "us-east1", "pax-collector", Account),
    };

    [Fact]
    public async Task Create_posts_the_documented_job_with_an_OAuth_token_and_the_access_token()
    {
        await using var context = await DeploymentApiContext.StartAsync();

        var result = await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob(), Ct);

        Assert.Equal(SchedulerJobWriteOutcome.Created, result.Outcome);
        var request = Assert.Single(context.Scheduler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/projects/my-project/locations/us-east1/jobs", request.RawTarget);
        Assert.Equal($"Bearer {DeploymentApiContext.AccessToken}", request.Authorization);
        var job = request.Json()!.AsObject();
        Assert.Equal(JobName, (string?)job["name"]);
        Assert.Equal("*/30 * * * *", (string?)job["schedule"]);
        Assert.Equal("Etc/UTC", (string?)job["timeZone"]);
        var target = job["httpTarget"]!.AsObject();
        Assert.Equal("https://run.googleapis.com/v2/projects/my-project/locations/us-east1/jobs/pax-collector:run", (string?)target["uri"]);
        Assert.Equal("POST", (string?)target["httpMethod"]);
        Assert.Equal(Account, (string?)target["oauthToken"]!["serviceAccountEmail"]);
        Assert.Equal("https://www.googleapis.com/auth/cloud-platform", (string?)target["oauthToken"]!["scope"]);
        Assert.False(target.ContainsKey("oidcToken"));
        Assert.Equal(SchedulerTokenKind.OAuth, result.Job.TokenKind);
        Assert.Equal("ENABLED", result.Job.State);
    }

    [Fact]
    public async Task A_service_target_sends_an_OIDC_token_with_its_audience_and_a_base64_body()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        var definition = CollectorJob() with
        {
            JobId = "tick",
            Schedule = "* * * * *",
            TimeZone = "America/New_York",
            AttemptDeadline = TimeSpan.FromSeconds(90),
            RetryConfig = new SchedulerRetryConfig { RetryCount = 2, MinBackoffDuration = TimeSpan.FromSeconds(5), MaxBackoffDuration = TimeSpan.FromMinutes(1) },
            Target = SchedulerTarget.Service(new Uri("https://orchestrator-abc-ue.a.run.app/cron/tick"), Account)
                .WithBody(Encoding.UTF8.GetBytes("{}"), "application/json"),
        };

        var result = await context.SchedulerClient.CreateOrUpdateJobAsync(definition, Ct);

        var job = Assert.Single(context.Scheduler.Requests).Json()!.AsObject();
        var target = job["httpTarget"]!.AsObject();
        Assert.Equal(Account, (string?)target["oidcToken"]!["serviceAccountEmail"]);
        Assert.Equal("https://orchestrator-abc-ue.a.run.app", (string?)target["oidcToken"]!["audience"]);
        Assert.False(target.ContainsKey("oauthToken"));
        Assert.Equal("e30=", (string?)target["body"]);
        Assert.Equal("application/json", (string?)target["headers"]!["Content-Type"]);
        Assert.Equal("90s", (string?)job["attemptDeadline"]);
        Assert.Equal(2, (int?)job["retryConfig"]!["retryCount"]);
        Assert.Equal("60s", (string?)job["retryConfig"]!["maxBackoffDuration"]);
        Assert.Equal("https://orchestrator-abc-ue.a.run.app", result.Job.OidcAudience);
        Assert.Equal(TimeSpan.FromSeconds(90), result.Job.AttemptDeadline);
    }

    [Fact]
    public async Task An_existing_job_is_updated_with_an_update_mask_to_match_the_definition()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob() with { AttemptDeadline = TimeSpan.FromMinutes(5) }, Ct);

        var result = await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob("0 * * * *"), Ct);

        Assert.Equal(SchedulerJobWriteOutcome.Updated, result.Outcome);
        Assert.Equal(["POST", "POST", "PATCH"], context.Scheduler.Requests.Select(r => r.Method));
        var patch = context.Scheduler.Requests[^1];
        Assert.Equal($"/v1/{JobName}", patch.Path);
        Assert.Equal(
            "description,schedule,timeZone,attemptDeadline,retryConfig.retryCount,retryConfig.maxRetryDuration,retryConfig.minBackoffDuration," +
            "retryConfig.maxBackoffDuration,retryConfig.maxDoublings,httpTarget.uri,httpTarget.httpMethod,httpTarget.headers,httpTarget.body," +
            "httpTarget.oauthToken.serviceAccountEmail,httpTarget.oauthToken.scope,httpTarget.oidcToken.serviceAccountEmail,httpTarget.oidcToken.audience",
            patch.Query["updateMask"]);
        var stored = context.Scheduler.GetJob(JobName)!;
        Assert.Equal("0 * * * *", (string?)stored["schedule"]);
        Assert.Equal("180s", (string?)stored["attemptDeadline"]);
        Assert.Equal("0 * * * *", result.Job.Schedule);
    }

    /// <summary>
    /// What the definition no longer has goes away: headers, the body, the retry settings, the description, the token of
    /// the other kind. A mask naming httpTarget or retryConfig whole would merge them (field_mask.proto: a sub-message
    /// named last "will be merged into the existing sub-message"), keeping the removed header and the body.
    /// </summary>
    [Fact]
    public async Task An_update_removes_what_the_definition_no_longer_has_and_resets_what_it_leaves_unset()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        var tick = new Uri("https://orchestrator-abc-ue.a.run.app/cron/tick");
        await context.SchedulerClient.CreateOrUpdateJobAsync(
            CollectorJob() with
            {
                Description = "old",
                AttemptDeadline = TimeSpan.FromMinutes(5),
                RetryConfig = new SchedulerRetryConfig { RetryCount = 3, MaxBackoffDuration = TimeSpan.FromMinutes(1) },
                Target = SchedulerTarget.Service(tick, Account).WithHeader("X-Removed", "1").WithHeader("X-Kept", "1").WithBody(Encoding.UTF8.GetBytes("{}"), "application/json"),
            },
            Ct);

        await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob() with { Target = SchedulerTarget.Service(tick, Account).WithHeader("X-Kept", "2") }, Ct);

        var stored = context.Scheduler.GetJob(JobName)!;
        var target = stored["httpTarget"]!.AsObject();
        Assert.Equal("""{"X-Kept":"2"}""", target["headers"]!.ToJsonString());
        Assert.False(target.ContainsKey("body"));
        Assert.Null(stored["description"]);
        Assert.Equal("180s", (string?)stored["attemptDeadline"]);
        Assert.True(stored["retryConfig"] is null or JsonObject { Count: 0 });
        Assert.Equal("https://orchestrator-abc-ue.a.run.app", (string?)target["oidcToken"]!["audience"]);
    }

    [Fact]
    public async Task Switching_the_token_kind_leaves_one_token_with_the_new_kinds_defaults()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob() with { Target = SchedulerTarget.Service(new Uri("https://orchestrator-abc-ue.a.run.app/cron/tick"), Account) }, Ct);

        await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob(), Ct);

        var target = context.Scheduler.GetJob(JobName)!["httpTarget"]!.AsObject();
        Assert.False(target.ContainsKey("oidcToken"));
        Assert.Equal(Account, (string?)target["oauthToken"]!["serviceAccountEmail"]);
        Assert.Equal("https://www.googleapis.com/auth/cloud-platform", (string?)target["oauthToken"]!["scope"]);
    }

    [Fact]
    public async Task Get_returns_the_job_or_null_when_missing()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        await context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob(), Ct);

        var job = await context.SchedulerClient.GetJobAsync(JobName, Ct);
        var missing = await context.SchedulerClient.GetJobAsync("projects/my-project/locations/us-east1/jobs/nope", Ct);

        Assert.NotNull(job);
        Assert.Equal(JobName, job.Name);
        Assert.Equal(new Uri("https://run.googleapis.com/v2/projects/my-project/locations/us-east1/jobs/pax-collector:run"), job.Uri);
        Assert.Equal(Account, job.ServiceAccountEmail);
        Assert.Null(missing);
    }

    [Theory]
    [InlineData("my-project", "us-east1", "bad id", "* * * * *", "JobId")]
    [InlineData("my-project", "us-east1", "j", "every 5 minutes", "Schedule")]
    [InlineData("my-project", "us", "j", "* * * * *", "Location")]
    [InlineData("P", "us-east1", "j", "* * * * *", "Project")]
    public async Task An_invalid_definition_is_refused_before_anything_is_sent(string project, string location, string jobId, string schedule, string parameter)
    {
        await using var context = await DeploymentApiContext.StartAsync();
        var definition = CollectorJob() with { Project = project, Location = location, JobId = jobId, Schedule = schedule };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => context.SchedulerClient.CreateOrUpdateJobAsync(definition, Ct));

        Assert.Equal(parameter, exception.ParamName);
        Assert.Empty(context.Scheduler.Requests);
    }

    [Fact]
    public async Task Attempt_deadlines_and_retry_counts_out_of_range_are_refused()
    {
        await using var context = await DeploymentApiContext.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob() with { AttemptDeadline = TimeSpan.FromSeconds(10) }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => context.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob() with { RetryConfig = new SchedulerRetryConfig { RetryCount = 6 } }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => context.SchedulerClient.GetJobAsync("jobs/x", Ct));

        Assert.Empty(context.Scheduler.Requests);
    }

    [Fact]
    public async Task A_refused_token_surfaces_as_GoogleApiException_naming_the_roles()
    {
        await using var wrongToken = await FakeCloudSchedulerServer.StartAsync("another-token", cancellationToken: Ct);
        await using var refusing = await DeploymentApiContext.StartAsync(o => o.CloudSchedulerEndpoint = wrongToken.BaseAddress);

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => refusing.SchedulerClient.CreateOrUpdateJobAsync(CollectorJob(), Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.HttpStatus);
        Assert.Equal("UNAUTHENTICATED", exception.Status);
        Assert.Contains("roles/cloudscheduler.admin", exception.Message, StringComparison.Ordinal);
        Assert.Contains("roles/iam.serviceAccountUser", exception.Message, StringComparison.Ordinal);
    }
}
