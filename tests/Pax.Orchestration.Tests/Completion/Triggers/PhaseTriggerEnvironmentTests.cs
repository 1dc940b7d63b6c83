using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Completion.Triggers;
using Pax.TestSupport.CloudRun;

namespace Pax.Orchestration.Tests.Completion.Triggers;

/// <summary>The job's side of the Cloud Run Job trigger: of the executions one idempotency key started, the first one works.</summary>
public sealed class PhaseTriggerEnvironmentTests
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

        var executions = run.Executions(Job).Select(e => ((string)e["name"]!).Split('/')[^1]).ToList();
        await using var job = Services(run, RuntimeToken);
        var jobs = job.GetRequiredService<CloudRunJobsClient>();

        var first = await Environment(executions[0], run.Executions(Job)[0]).FindEarlierExecutionAsync(jobs, Job, Ct);
        var other = await Environment(executions[1], run.Executions(Job)[1]).FindEarlierExecutionAsync(jobs, Job, Ct);
        var late = await Environment(executions[2], run.Executions(Job)[2]).FindEarlierExecutionAsync(jobs, Job, Ct);

        Assert.Null(first);
        Assert.Null(other);
        Assert.Equal($"{Job}/executions/{executions[0]}", late?.Name);

        // Once the first execution has failed, it did not do the work: the late duplicate is the one that must.
        run.FailExecution((string)run.Executions(Job)[0]["name"]!);
        Assert.Null(await Environment(executions[2], run.Executions(Job)[2]).FindEarlierExecutionAsync(jobs, Job, Ct));
    }

    [Fact]
    public void Outside_a_Pax_trigger_there_is_no_environment()
    {
        Assert.Null(PhaseTriggerEnvironment.From(_ => null));
        Assert.Equal(
            new PhaseTriggerEnvironment("phase2", "k", "phase2:k", "phase3-abc12"),
            PhaseTriggerEnvironment.From(name => name switch
            {
                "PAX_PHASE" => "phase2",
                "PAX_RUN_KEY" => "k",
                "PAX_IDEMPOTENCY_KEY" => "phase2:k",
                "CLOUD_RUN_EXECUTION" => "phase3-abc12",
                _ => null,
            }));
    }

    // What the execution's own process reads: the trigger's variables from its template env, its name from Cloud Run.
    private static PhaseTriggerEnvironment Environment(string executionName, System.Text.Json.Nodes.JsonObject execution)
    {
        var env = execution["template"]!["containers"]![0]!["env"]!.AsArray()
            .ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"], StringComparer.Ordinal);
        env["CLOUD_RUN_EXECUTION"] = executionName;
        return PhaseTriggerEnvironment.From(name => env.GetValueOrDefault(name))!;
    }

    private static ServiceProvider Services(FakeCloudRunJobsServer run, string token)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(token));
        services.AddPaxGoogleCloud(o => o.CloudRunEndpoint = run.BaseAddress);
        return services.BuildServiceProvider();
    }
}
