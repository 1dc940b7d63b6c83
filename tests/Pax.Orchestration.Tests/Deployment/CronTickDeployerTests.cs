using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Deployment;
using Pax.Orchestration.Deployment;
using Pax.TestSupport.CloudRun;
using Pax.TestSupport.CloudScheduler;

namespace Pax.Orchestration.Tests.Deployment;

public sealed class CronTickDeployerTests : IAsyncLifetime
{
    private const string Token = "deploy-token";
    private const string Account = "pax-orchestrator-scheduler@my-project.iam.gserviceaccount.com";
    private const string ServiceResource = "projects/my-project/locations/us-east1/services/pax-orchestrator";
    private FakeCloudSchedulerServer _scheduler = null!;
    private FakeCloudRunIamServer _runAdmin = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CronTickDeployment Deployment => new()
    {
        Project = "my-project",
        Region = "us-east1",
        Service = "pax-orchestrator",
        ServiceUrl = new Uri("https://pax-orchestrator-abc123-ue.a.run.app"),
        SchedulerServiceAccount = Account,
    };

    public async ValueTask InitializeAsync()
    {
        _scheduler = await FakeCloudSchedulerServer.StartAsync(Token, cancellationToken: Ct);
        _runAdmin = await FakeCloudRunIamServer.StartAsync(Token, Ct);
        _runAdmin.AddResource(ServiceResource);
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(Token));
        services.AddPaxOrchestration();
        services.AddPaxGoogleCloud(o =>
        {
            o.CloudSchedulerEndpoint = _scheduler.BaseAddress;
            o.CloudRunEndpoint = _runAdmin.BaseAddress;
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _scheduler.DisposeAsync();
        await _runAdmin.DisposeAsync();
    }

    [Fact]
    public async Task Grants_the_invoker_role_then_schedules_an_OIDC_tick_every_minute()
    {
        var result = await _services.GetRequiredService<CronTickDeployer>().ScheduleTickAsync(Deployment, Ct);

        Assert.True(result.Invoker.Changed);
        Assert.Equal(SchedulerJobWriteOutcome.Created, result.Job.Outcome);
        Assert.Equal(["GET", "POST"], _runAdmin.Requests.Select(r => r.Method));
        Assert.Equal("POST", Assert.Single(_scheduler.Requests).Method);
        var binding = _runAdmin.GetPolicy(ServiceResource)["bindings"]![0]!;
        Assert.Equal("roles/run.invoker", (string?)binding["role"]);
        Assert.Equal($"serviceAccount:{Account}", (string?)binding["members"]![0]);
        var job = _scheduler.GetJob("projects/my-project/locations/us-east1/jobs/pax-orchestrator-cron-tick")!;
        Assert.Equal("* * * * *", (string?)job["schedule"]);
        Assert.Equal("Etc/UTC", (string?)job["timeZone"]);
        var target = job["httpTarget"]!;
        Assert.Equal("https://pax-orchestrator-abc123-ue.a.run.app/cron/tick", (string?)target["uri"]);
        Assert.Equal("POST", (string?)target["httpMethod"]);
        Assert.Equal(Account, (string?)target["oidcToken"]!["serviceAccountEmail"]);
        Assert.Equal("https://pax-orchestrator-abc123-ue.a.run.app", (string?)target["oidcToken"]!["audience"]);
        Assert.Null(target["oauthToken"]);

        // As long as Cloud Run's default request timeout (300 s), so pax doctor's PAX104 finds nothing to report.
        Assert.Equal("300s", (string?)job["attemptDeadline"]);
    }

    [Fact]
    public async Task Running_it_again_writes_no_policy_and_updates_the_job()
    {
        var deployer = _services.GetRequiredService<CronTickDeployer>();
        await deployer.ScheduleTickAsync(Deployment, Ct);

        var again = await deployer.ScheduleTickAsync(Deployment with { Schedule = "*/2 * * * *" }, Ct);

        Assert.False(again.Invoker.Changed);
        Assert.Equal(SchedulerJobWriteOutcome.Updated, again.Job.Outcome);
        Assert.Equal("*/2 * * * *", again.Job.Job.Schedule);
        Assert.Equal(["GET", "POST", "GET"], _runAdmin.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData("https://pax-orchestrator-abc123-ue.a.run.app/cron/tick", Account)]
    [InlineData("https://run.googleapis.com", Account)]
    [InlineData("http://pax-orchestrator-abc123-ue.a.run.app", Account)]
    [InlineData("https://pax-orchestrator-abc123-ue.a.run.app", "someone@example.com")]
    public async Task Bad_input_is_refused_before_anything_is_sent(string serviceUrl, string account)
    {
        var deployment = Deployment with { ServiceUrl = new Uri(serviceUrl), SchedulerServiceAccount = account };

        await Assert.ThrowsAsync<ArgumentException>(() => _services.GetRequiredService<CronTickDeployer>().ScheduleTickAsync(deployment, Ct));

        Assert.Empty(_runAdmin.Requests);
        Assert.Empty(_scheduler.Requests);
    }

    [Fact]
    public async Task A_bad_service_name_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _services.GetRequiredService<CronTickDeployer>().ScheduleTickAsync(Deployment with { Service = "Pax_Orchestrator" }, Ct));

        Assert.Empty(_runAdmin.Requests);
    }
}
