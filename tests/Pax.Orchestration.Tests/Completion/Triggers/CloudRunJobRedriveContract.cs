using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Stores;
using Pax.TestSupport.CloudRun;

namespace Pax.Orchestration.Tests.Completion.Triggers;

/// <summary>
/// The Cloud Run Job trigger on re-drives, against a Run fake that keeps executions and checks permissions:
/// an earlier run that landed (a timeout, or a process killed before marking the tally) is found by its
/// <c>PAX_IDEMPOTENCY_KEY</c> in the execution's template env, and no second execution is started.
/// </summary>
public abstract class CloudRunJobRedriveContract : IAsyncDisposable
{
    private const string Job = "projects/p/locations/us-central1/jobs/phase3";
    private const string Token = "orchestrator-token";
    private const string Orchestrator = "serviceAccount:pax-orchestrator@p.iam.gserviceaccount.com";
    private const string RunKey = "2026-02-10";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-redrive-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero));
    private FakeCloudRunJobsServer? _run;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeCloudRunJobsServer Run => _run!;

    private CompletionTally Tally => _services!.GetRequiredService<CompletionTally>();

    private CompletionWatchdog Watchdog => _services!.GetRequiredService<CompletionWatchdog>();

    private OrchestrationOptions Options => _services!.GetRequiredService<IOptions<OrchestrationOptions>>().Value;

    [Fact]
    public async Task A_trigger_that_times_out_but_lands_is_not_run_twice_on_re_drive()
    {
        await StartAsync(CloudRunIamClient.JobsExecutorWithOverridesRole, CloudRunIamClient.ViewerRole);
        await RecordAsync("a");
        var landed = Run.HoldRunAnswers();

        var completing = RecordAsync("b");
        await landed;                                  // the run created its execution; its answer is held
        _time.Advance(Options.TriggerTimeout);          // … so the trigger times out
        Assert.Equal(DriveOutcome.TriggerFailed, (await completing).Drive);
        Run.ReleaseRunAnswers();

        _time.Advance(Options.ClaimLease);
        var report = await Watchdog.RunAsync(Ct);

        Assert.Equal(DriveOutcome.Triggered, Assert.Single(report.Redriven).Outcome);
        var execution = Assert.Single(Run.Executions(Job));
        Assert.Equal("phase2:2026-02-10", Env(execution, "PAX_IDEMPOTENCY_KEY"));
        Assert.Single(Run.Requests, r => r.Method == "GET" && r.Path == $"/v2/{Job}/executions");
        Assert.True((await Tally.GetStatusAsync("phase2", RunKey, Ct))!.Triggered);
    }

    [Fact]
    public async Task A_process_killed_after_its_run_landed_leaves_a_claim_the_watchdog_finishes_with_one_execution()
    {
        await StartAsync(CloudRunIamClient.JobsExecutorWithOverridesRole, CloudRunIamClient.ViewerRole);
        await ClaimAsDeadProcessAsync();
        var jobs = _services!.GetRequiredService<CloudRunJobsClient>();
        await new CloudRunJobTrigger(jobs, Job).FireAsync(new PhaseTriggerRequest("phase2", RunKey, "phase2:2026-02-10", ["a", "b"]), Ct); // …then kill -9

        _time.Advance(Options.ClaimLease);
        var report = await Watchdog.RunAsync(Ct);

        Assert.Equal(DriveOutcome.Triggered, Assert.Single(report.Redriven).Outcome);
        Assert.Single(Run.Executions(Job));
    }

    /// <summary>
    /// A failed earlier execution did not do the work, whether a task failed (failedCount) or it failed before any task
    /// ran, which no task count shows and only its Completed condition (CONDITION_FAILED) tells.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_earlier_execution_that_failed_does_not_stand_for_the_run_and_the_re_drive_starts_a_new_one(bool beforeAnyTask)
    {
        await StartAsync(CloudRunIamClient.JobsExecutorWithOverridesRole, CloudRunIamClient.ViewerRole);
        await ClaimAsDeadProcessAsync();
        var jobs = _services!.GetRequiredService<CloudRunJobsClient>();
        await new CloudRunJobTrigger(jobs, Job).FireAsync(new PhaseTriggerRequest("phase2", RunKey, "phase2:2026-02-10", ["a", "b"]), Ct); // …then kill -9
        var earlier = (string)Assert.Single(Run.Executions(Job))["name"]!;
        if (beforeAnyTask)
        {
            Run.FailExecutionBeforeAnyTask(earlier);
        }
        else
        {
            Run.FailExecution(earlier);
        }

        _time.Advance(Options.ClaimLease);
        var report = await Watchdog.RunAsync(Ct);

        Assert.Equal(DriveOutcome.Triggered, Assert.Single(report.Redriven).Outcome);
        var executions = Run.Executions(Job);
        Assert.Equal(2, executions.Count);
        Assert.All(executions, e => Assert.Equal("phase2:2026-02-10", Env(e, "PAX_IDEMPOTENCY_KEY")));
    }

    [Fact]
    public async Task A_process_killed_before_its_run_leaves_a_claim_the_watchdog_runs_once()
    {
        await StartAsync(CloudRunIamClient.JobsExecutorWithOverridesRole, CloudRunIamClient.ViewerRole);
        await ClaimAsDeadProcessAsync();

        _time.Advance(Options.ClaimLease);
        await Watchdog.RunAsync(Ct);
        _time.Advance(Options.ClaimLease);
        var second = await Watchdog.RunAsync(Ct);

        Assert.Empty(second.Redriven);
        var execution = Assert.Single(Run.Executions(Job));
        Assert.Equal(RunKey, Env(execution, "PAX_RUN_KEY"));
    }

    [Fact]
    public async Task A_first_attempt_refused_for_want_of_runWithOverrides_is_run_once_after_the_grant()
    {
        await StartAsync(CloudRunIamClient.InvokerRole);
        await RecordAsync("a");
        Assert.Equal(DriveOutcome.TriggerFailed, (await RecordAsync("b")).Drive);
        Assert.Empty(Run.Executions(Job));

        Run.Grant(Job, Orchestrator, CloudRunIamClient.JobsExecutorWithOverridesRole);
        Run.Grant(Job, Orchestrator, CloudRunIamClient.ViewerRole);
        _time.Advance(Options.ClaimLease);
        var report = await Watchdog.RunAsync(Ct);

        Assert.Equal(DriveOutcome.Triggered, Assert.Single(report.Redriven).Outcome);
        Assert.Single(Run.Executions(Job));
    }

    [Fact]
    public async Task A_re_drive_that_cannot_list_executions_starts_nothing_and_keeps_the_claim()
    {
        await StartAsync(CloudRunIamClient.JobsExecutorWithOverridesRole);
        await ClaimAsDeadProcessAsync();
        await new CloudRunJobTrigger(_services!.GetRequiredService<CloudRunJobsClient>(), Job)
            .FireAsync(new PhaseTriggerRequest("phase2", RunKey, "phase2:2026-02-10", ["a", "b"]), Ct);

        _time.Advance(Options.ClaimLease);
        var report = await Watchdog.RunAsync(Ct);

        Assert.Equal(DriveOutcome.TriggerFailed, Assert.Single(report.Redriven).Outcome);
        Assert.Single(Run.Executions(Job));
        Assert.Equal(TallyTriggerState.Claimed, (await Tally.GetStatusAsync("phase2", RunKey, Ct))!.State);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_run is not null)
        {
            await _run.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? Env(System.Text.Json.Nodes.JsonObject execution, string name) =>
        execution["template"]!["containers"]![0]!["env"]!.AsArray().FirstOrDefault(e => (string?)e!["name"] == name)?["value"]?.GetValue<string>();

    private Task<CompletionReceipt> RecordAsync(string processor) =>
        Tally.RecordAsync(new CompletionMessage("phase2", processor, RunKey, CompletionStatus.Succeeded, "m-" + processor), Ct);

    // What a process leaves behind when it is killed right after its claim: every report recorded, the tally claimed.
    private async Task ClaimAsDeadProcessAsync()
    {
        var store = _services!.GetRequiredService<ICompletionStore>();
        var now = _time.GetUtcNow();
        await store.RecordAsync("phase2", RunKey, new ProcessorCompletion("a", CompletionStatus.Succeeded, now, "m-a", null), null, Ct);
        var claim = new ClaimOnCompletion(_ => true, now + Options.ClaimLease);
        var stored = await store.RecordAsync("phase2", RunKey, new ProcessorCompletion("b", CompletionStatus.Succeeded, now, "m-b", null), claim, Ct);
        Assert.True(stored.Claimed);
    }

    /// <summary>Points the engine at the store under test (the base configures a temporary SQLite file).</summary>
    protected abstract Task UseStoreAsync(IServiceCollection services);

    private async Task StartAsync(params string[] roles)
    {
        _run = await FakeCloudRunJobsServer.StartAsync(_time, Ct);
        _run.AddCaller(Token, Orchestrator);
        _run.AddJob(Job, new Dictionary<string, string> { ["PAX_SINK"] = "gs://b/p" });
        foreach (var role in roles)
        {
            _run.Grant(Job, Orchestrator, role);
        }

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(Token));
        services.AddPaxGoogleCloud(o =>
        {
            o.CloudRunEndpoint = _run.BaseAddress;
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        services.AddPaxOrchestration(o =>
        {
            o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a", "b"], Trigger = new PhaseTriggerOptions { Job = Job } });
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(_directory, "tallies.db");
        });
        await UseStoreAsync(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
