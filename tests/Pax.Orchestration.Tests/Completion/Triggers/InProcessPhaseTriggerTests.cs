using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;

namespace Pax.Orchestration.Tests.Completion.Triggers;

public sealed class InProcessPhaseTriggerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_phase_whose_trigger_is_a_handler_calls_it_once_with_the_idempotency_key_the_other_triggers_send()
    {
        await using var pipeline = Pipeline.Create();

        await pipeline.RecordAsync("a");
        Assert.Empty(pipeline.Handler.Calls);
        var completing = await pipeline.RecordAsync("b");
        var duplicate = await pipeline.RecordAsync("b");

        var call = Assert.Single(pipeline.Handler.Calls);
        Assert.Equal(("phase2", "k1", "phase2:k1", false), (call.Phase, call.RunKey, call.IdempotencyKey, call.Redrive));
        Assert.Equal(["a", "b"], call.Completed);
        Assert.Equal(PhaseTriggerRequest.IdempotencyKeyFor("phase2", "k1"), call.IdempotencyKey);
        Assert.Equal(DriveOutcome.Triggered, completing.Drive);
        Assert.Equal(DriveOutcome.AlreadyTriggered, duplicate.Drive);
    }

    [Fact]
    public async Task A_failing_handler_leaves_the_claim_and_the_redrive_calls_it_again_flagged_as_a_redrive()
    {
        await using var pipeline = Pipeline.Create();
        pipeline.Handler.FailNext = 1;

        await pipeline.RecordAsync("a");
        var failed = await pipeline.RecordAsync("b");
        var tooEarly = await pipeline.Tally.DriveAsync("phase2", "k1", Ct);
        pipeline.Time.Advance(TimeSpan.FromSeconds(61));
        var redriven = await pipeline.Tally.DriveAsync("phase2", "k1", Ct);

        Assert.Equal(DriveOutcome.TriggerFailed, failed.Drive);
        Assert.Equal(DriveOutcome.ClaimedElsewhere, tooEarly);
        Assert.Equal(DriveOutcome.Triggered, redriven);
        Assert.Equal([false, true], pipeline.Handler.Calls.Select(c => c.Redrive));
        Assert.All(pipeline.Handler.Calls, c => Assert.Equal("phase2:k1", c.IdempotencyKey));
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_cut_off_at_TriggerTimeout_and_the_claim_is_left_for_a_redrive()
    {
        await using var pipeline = Pipeline.Create();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.Handler.HangOnceUntil = release.Task;

        await pipeline.RecordAsync("a");
        var completing = pipeline.RecordAsync("b");
        await pipeline.Handler.Entered.Task.WaitAsync(Ct);
        pipeline.Time.Advance(TimeSpan.FromSeconds(5)); // Pax:Orchestration:TriggerTimeout's default

        // A guard against a hang without the bound, not a wait for time to pass: the fake clock alone ends the call.
        var failed = await completing.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        pipeline.Time.Advance(TimeSpan.FromSeconds(56));
        var redriven = await pipeline.Tally.DriveAsync("phase2", "k1", Ct);
        release.SetResult();

        Assert.Equal(DriveOutcome.TriggerFailed, failed.Drive);
        Assert.Equal(DriveOutcome.Triggered, redriven);
        Assert.Equal([false, true], pipeline.Handler.Calls.Select(c => c.Redrive));
    }

    [Fact]
    public async Task A_Trigger_Handler_naming_no_registered_handler_fails_at_startup_naming_the_key_and_the_registered_ones()
    {
        await using var pipeline = Pipeline.Create(handlerName: "nope");

        var error = Assert.Throws<OptionsValidationException>(() => pipeline.Services.GetRequiredService<IOptions<OrchestrationOptions>>().Value);

        Assert.Contains("Pax:Orchestration:Phases:0:Trigger:Handler 'nope' is not a registered next-phase handler", error.Message, StringComparison.Ordinal);
        Assert.Contains("(registered: next)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Handler_beside_a_Topic_is_refused_like_any_two_targets()
    {
        await using var pipeline = Pipeline.Create(extra: new() { ["Pax:Orchestration:Phases:0:Trigger:Topic"] = "projects/p/topics/next" });

        var error = Assert.Throws<OptionsValidationException>(() => pipeline.Services.GetRequiredService<IOptions<OrchestrationOptions>>().Value);

        Assert.Contains("Pax:Orchestration:Phases:0:Trigger: set exactly one of Topic, Job, Url and Handler (found 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_name_that_cannot_be_a_configuration_value_is_refused_at_registration()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddNextPhaseHandler<RecordingHandler>("has space"));
    }

    private sealed class RecordingHandler : INextPhaseHandler
    {
        public ConcurrentQueue<PhaseTriggerRequest> Calls { get; } = new();

        public int FailNext { get; set; }

        /// <summary>When set, the next call awaits this task without its token (a handler that ignores cancellation).</summary>
        public Task? HangOnceUntil { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            Calls.Enqueue(request);
            Entered.TrySetResult();
            if (HangOnceUntil is { } hang)
            {
                HangOnceUntil = null;
                return hang;
            }

            if (FailNext-- > 0)
            {
                throw new InvalidOperationException("injected handler failure");
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A tally bound from configuration whose phase is triggered by <c>Trigger:Handler</c>, on a temporary SQLite file and a fake clock.</summary>
    private sealed class Pipeline : IAsyncDisposable
    {
        private readonly string _directory;

        private Pipeline(ServiceProvider services, FakeTimeProvider time, string directory)
        {
            Services = services;
            Time = time;
            _directory = directory;
        }

        public ServiceProvider Services { get; }

        public FakeTimeProvider Time { get; }

        public CompletionTally Tally => Services.GetRequiredService<CompletionTally>();

        public RecordingHandler Handler => (RecordingHandler)Services.GetRequiredKeyedService<INextPhaseHandler>("next");

        public static Pipeline Create(string handlerName = "next", Dictionary<string, string?>? extra = null)
        {
            var directory = Path.Combine(Path.GetTempPath(), "pax-inproc-" + Guid.NewGuid().ToString("N"));
            var settings = new Dictionary<string, string?>
            {
                ["Pax:Orchestration:Store"] = "Sqlite",
                ["Pax:Orchestration:Sqlite:Path"] = Path.Combine(directory, "tallies.db"),
                ["Pax:Orchestration:Phases:0:Name"] = "phase2",
                ["Pax:Orchestration:Phases:0:Processors:0"] = "a",
                ["Pax:Orchestration:Phases:0:Processors:1"] = "b",
                ["Pax:Orchestration:Phases:0:Trigger:Handler"] = handlerName,
                ["Pax:Orchestration:Authentication:Mode"] = "None",
            };
            foreach (var (key, value) in extra ?? [])
            {
                settings[key] = value;
            }

            var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero));
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddPaxOrchestration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(OrchestrationOptions.SectionName));
            services.AddNextPhaseHandler<RecordingHandler>("next");
            return new Pipeline(services.BuildServiceProvider(), time, directory);
        }

        public Task<CompletionReceipt> RecordAsync(string processor) =>
            Tally.RecordAsync(new CompletionMessage("phase2", processor, "k1", CompletionStatus.Succeeded), Ct);

        // Asynchronously: the pulse's writer may be storing counts in the tallies' file, and only DisposeAsync waits for
        // it (a synchronous Dispose left it writing while the folder was deleted: "Directory not empty").
        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
