using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Tests.Support;
using Pax.TestSupport.CloudRun;

namespace Pax.GoogleCloud.Tests.Run;

/// <summary>jobs:run with overrides against a Run fake that checks permissions as Google does (FACTS.md §3.1, corrected).</summary>
public sealed class CloudRunJobPermissionTests
{
    private const string Job = "projects/my-project/locations/us-east1/jobs/phase3";
    private const string OrchestratorToken = "orchestrator-token";
    private const string Orchestrator = "serviceAccount:pax-orchestrator@my-project.iam.gserviceaccount.com";
    private const string AdminToken = "admin-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CloudRunJobOverrides Overrides => new()
    {
        ContainerOverrides = [new CloudRunContainerOverride { Env = [new CloudRunEnvVar { Name = "PAX_RUN_KEY", Value = "2026-02-10" }] }],
    };

    [Fact]
    public async Task A_run_with_overrides_from_an_invoker_is_refused_and_the_message_names_the_permission_and_a_role_that_has_it()
    {
        await using var run = await StartAsync();
        run.Grant(Job, Orchestrator, "roles/run.invoker");
        await using var services = Services(run, OrchestratorToken);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<CloudRunJobsClient>().RunJobAsync(Job, Overrides, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatus);
        Assert.Equal("PERMISSION_DENIED", error.Status);
        Assert.Contains("run.jobs.runWithOverrides", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles/run.jobsExecutorWithOverrides", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("grant roles/run.invoker", error.Message, StringComparison.Ordinal);
        Assert.Empty(run.Executions(Job));
    }

    [Fact]
    public async Task A_run_without_overrides_needs_only_the_invoker_role()
    {
        await using var run = await StartAsync();
        run.Grant(Job, Orchestrator, "roles/run.invoker");
        await using var services = Services(run, OrchestratorToken);

        var operation = await services.GetRequiredService<CloudRunJobsClient>().RunJobAsync(Job, null, Ct);

        Assert.StartsWith("projects/my-project/locations/us-east1/operations/", operation.Name, StringComparison.Ordinal);
        Assert.Single(run.Executions(Job));
    }

    [Fact]
    public async Task After_EnsureJobRunnerWithOverrides_the_same_caller_runs_with_overrides_and_lists_the_executions()
    {
        await using var run = await StartAsync();
        run.Grant(Job, Orchestrator, "roles/run.invoker");
        await using (var admin = Services(run, AdminToken))
        {
            var grants = await admin.GetRequiredService<CloudRunIamClient>().EnsureJobRunnerWithOverridesAsync(Job, Orchestrator, Ct);

            Assert.Equal([CloudRunIamClient.JobsExecutorWithOverridesRole, CloudRunIamClient.ViewerRole], grants.Select(g => g.Role));
            Assert.All(grants, g => Assert.True(g.Changed));
        }

        await using var services = Services(run, OrchestratorToken);
        var jobs = services.GetRequiredService<CloudRunJobsClient>();
        await jobs.RunJobAsync(Job, Overrides, Ct);
        var page = await jobs.ListExecutionsAsync(Job, pageSize: 10, pageToken: null, Ct);

        var execution = Assert.Single(page.Executions);
        Assert.Equal("2026-02-10", execution.FindEnv("PAX_RUN_KEY"));
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task EnsureRole_is_a_no_op_when_the_member_holds_the_role()
    {
        await using var run = await StartAsync();
        run.Grant(Job, Orchestrator, CloudRunIamClient.JobsExecutorWithOverridesRole);
        await using var admin = Services(run, AdminToken);

        var result = await admin.GetRequiredService<CloudRunIamClient>().EnsureRoleAsync(Job, Orchestrator, CloudRunIamClient.JobsExecutorWithOverridesRole, Ct);

        Assert.Equal(new RoleGrantResult(Job, Orchestrator, CloudRunIamClient.JobsExecutorWithOverridesRole, Changed: false, Attempts: 1), result);
        Assert.Equal("GET", Assert.Single(run.Requests).Method);
    }

    [Theory]
    [InlineData("run.invoker")]
    [InlineData("roles/")]
    [InlineData("roles/run invoker")]
    public async Task EnsureRole_refuses_a_malformed_role_before_sending_anything(string role)
    {
        await using var run = await StartAsync();
        await using var admin = Services(run, AdminToken);

        await Assert.ThrowsAsync<ArgumentException>(() => admin.GetRequiredService<CloudRunIamClient>().EnsureRoleAsync(Job, Orchestrator, role, Ct));

        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Listing_executions_without_run_executions_list_is_refused_with_the_role_to_grant()
    {
        await using var run = await StartAsync();
        run.Grant(Job, Orchestrator, CloudRunIamClient.JobsExecutorWithOverridesRole);
        await using var services = Services(run, OrchestratorToken);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<CloudRunJobsClient>().ListExecutionsAsync(Job, 10, null, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatus);
        Assert.Contains("run.executions.list", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles/run.viewer", error.Message, StringComparison.Ordinal);
    }

    private static async Task<FakeCloudRunJobsServer> StartAsync()
    {
        var run = await FakeCloudRunJobsServer.StartAsync(cancellationToken: Ct);
        run.AddCaller(OrchestratorToken, Orchestrator);
        run.AddCaller(AdminToken, "user:admin@example.com", "roles/run.admin");
        run.AddJob(Job, new Dictionary<string, string> { ["PAX_SINK"] = "gs://b/p" });
        return run;
    }

    private static ServiceProvider Services(FakeCloudRunJobsServer run, string token)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(token));
        services.AddPaxGoogleCloud(options =>
        {
            options.CloudRunEndpoint = run.BaseAddress;
            GoogleApiProbeContext.UseInstantRetries(options);
        });
        return services.BuildServiceProvider();
    }
}
