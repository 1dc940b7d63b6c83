using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Processing.Internal;
using Pax.TestSupport.CloudRun;

namespace Pax.Orchestration.Tests.Processing;

/// <summary>The job's side of the Cloud Run Job trigger: of the executions one idempotency key started, the first one works.</summary>
public sealed class EarlierExecutionCheckTests
{
    private const string Job = "projects/p/locations/us-central1/jobs/phase3";
    private const string TriggerToken = "orchestrator-token";
    private const string RuntimeToken = "job-runtime-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_two_executions_for_one_key_the_later_finds_the_earlier_and_the_earlier_finds_none()
    {
        await using var run = await FakeCloudRunJobsServer.StartAsync(cancellationToken: Ct);
        run.AddCaller(TriggerToken, "serviceAccount:orchestrator@p.iam.gserviceaccount.com");
        run.AddCaller(RuntimeToken, "serviceAccount:phase3-runtime@p.iam.gserviceaccount.com");
        run.AddJob(Job);
        run.Grant(Job, "serviceAccount:orchestrator@p.iam.gserviceaccount.com", CloudRunIamClient.JobsExecutorWithOverridesRole);
        run.Grant(Job, "serviceAccount:phase3-runtime@p.iam.gserviceaccount.com", CloudRunIamClient.ViewerRole);
        await using (var orchestrator = Services(run, TriggerToken))
        {
            var trigger = new CloudRunJobTrigger(orchestrator.GetRequiredService<CloudRunJobsClient>(), Job);
            var request = new PhaseTriggerRequest("phase2", "2026-02-10", "phase2:2026-02-10", ["a"]);
            await trigger.FireAsync(request, Ct);
            await trigger.FireAsync(request with { RunKey = "2026-02-11", IdempotencyKey = "phase2:2026-02-11" }, Ct);
            await trigger.FireAsync(request, Ct); // a late duplicate of the first
        }

        var executions = run.Executions(Job);
        await using var job = Services(run, RuntimeToken);
        var jobs = job.GetRequiredService<CloudRunJobsClient>();

        Assert.Null(await FindAsync(jobs, executions[0]));
        Assert.Null(await FindAsync(jobs, executions[1]));
        Assert.Equal((string?)executions[0]["name"], await FindAsync(jobs, executions[2]));

        // Once the first execution has failed, it did not do the work: the late duplicate is the one that must.
        run.FailExecution((string)executions[0]["name"]!);
        Assert.Null(await FindAsync(jobs, run.Executions(Job)[2]));
    }

    // What the execution's own process knows: the trigger's key from its template env, its short name from Cloud Run.
    private static Task<string?> FindAsync(CloudRunJobsClient jobs, JsonObject execution)
    {
        var key = execution["template"]!["containers"]![0]!["env"]!.AsArray().Single(e => (string?)e!["name"] == "PAX_IDEMPOTENCY_KEY")!["value"]!.GetValue<string>();
        return EarlierExecutionCheck.FindAsync(jobs, Job, key, ((string)execution["name"]!).Split('/')[^1], Ct);
    }

    internal static ServiceProvider Services(FakeCloudRunJobsServer run, string token)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(token));
        services.AddPaxGoogleCloud(o => o.CloudRunEndpoint = run.BaseAddress);
        return services.BuildServiceProvider();
    }
}
