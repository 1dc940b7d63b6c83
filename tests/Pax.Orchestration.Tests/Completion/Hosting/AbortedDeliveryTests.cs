using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Hosting;

/// <summary>
/// A caller that hangs up while the next phase's trigger is in flight or just fired — a client abort, or Pub/Sub giving
/// up on a push at its ack deadline — must not leave the tally claimed: the trigger, its mark and its failure record run
/// under their own bounds, and once the lease ran out the watchdog would fire the trigger a second time (2 duplicates
/// in a 110,205-delivery load run).
/// </summary>
public sealed class AbortedDeliveryTests
{
    /// <summary>How long a test waits for the outcome before it fails (a failure bound, never a wait for time to pass).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trigger_that_fired_is_marked_triggered_even_when_the_request_is_aborted_between_the_trigger_and_the_mark()
    {
        var trigger = new FiresWhenReleased();
        var store = new ObservedMarks();
        await using var server = await StartAsync(trigger, store);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        var mark = await AbortTheCompletingDeliveryAsync(server, trigger, store);

        Assert.Null(await mark.WaitAsync(Bound, Ct));
        Assert.Equal(TallyTriggerState.Triggered, (await store.GetAsync("phase2", "k1", Ct))!.State);
        Assert.Equal(1, trigger.Calls);
        Assert.False(trigger.SawCancellation);
    }

    [Fact]
    public async Task A_trigger_that_fails_after_the_request_was_aborted_still_keeps_its_failure_next_to_the_claim()
    {
        var trigger = new FiresWhenReleased { FailWith = new InvalidOperationException("the topic refused the publish") };
        var store = new ObservedMarks();
        await using var server = await StartAsync(trigger, store);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        await AbortTheCompletingDeliveryAsync(server, trigger, store);
        await store.FailureKept.Task.WaitAsync(Bound, Ct);

        var tally = (await store.GetAsync("phase2", "k1", Ct))!;
        Assert.Equal(TallyTriggerState.Claimed, tally.State);
        Assert.Contains("the topic refused the publish", tally.LastTriggerError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trigger_that_fired_but_could_not_be_marked_is_logged_as_a_warning_even_when_the_request_is_aborted()
    {
        var trigger = new FiresWhenReleased();
        var store = new ObservedMarks { HoldMarks = true };
        await using var server = await StartAsync(trigger, store);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        var mark = await AbortTheCompletingDeliveryAsync(server, trigger, store);
        await store.MarkStarted.Task.WaitAsync(Bound, Ct);
        server.Time.Advance(CompletionTally.MarkTriggeredTimeout);

        Assert.IsAssignableFrom<OperationCanceledException>(await mark);
        var warning = await FirstLogAsync(server, "MarkTriggeredFailed");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("phase2/k1", warning.Message, StringComparison.Ordinal);
        Assert.Equal(TallyTriggerState.Claimed, (await store.GetAsync("phase2", "k1", Ct))!.State);
    }

    private static Task<OrchestratorServer> StartAsync(FiresWhenReleased trigger, ObservedMarks store) => OrchestratorServer.StartAsync(
        o => o.Phases[0].CustomTrigger = trigger,
        s => s.AddFakeLogging()
            .AddSingleton<IStartupFilter>(trigger.Aborts)
            .AddSingleton<ICompletionStore>(sp => store.Over(new SqliteCompletionStore(sp.GetRequiredService<IOptions<OrchestrationOptions>>()))));

    /// <summary>
    /// Posts the completing report, aborts the request while the trigger is in flight, lets the trigger end once the
    /// abort has reached the server, and returns the task that ends with the mark (its exception, or null).
    /// </summary>
    private static async Task<Task<Exception?>> AbortTheCompletingDeliveryAsync(OrchestratorServer server, FiresWhenReleased trigger, ObservedMarks store)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var completing = server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "k1"), "2")), abort.Token);
        await trigger.Started.Task.WaitAsync(Bound, Ct);
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => completing);
        await trigger.Aborts.Seen.Task.WaitAsync(Bound, Ct);
        trigger.Release.TrySetResult();
        return store.MarkEnded.Task;
    }

    /// <summary>Waits for the first log record of event <paramref name="name"/>, logged or to come (a failure, not a hang, when none comes within 30 s).</summary>
    private static async Task<FakeLogRecord> FirstLogAsync(OrchestratorServer server, string name)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var record in server.Services.GetRequiredService<FakeLogCollector>().GetLogsAsync(bound.Token))
            {
                if (record.Id.Name == name)
                {
                    return record;
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
        }

        throw new Xunit.Sdk.XunitException($"No {name} log record within 30 s.");
    }

    /// <summary>
    /// A publish in flight: signals that it started, then lands (or fails with <see cref="FailWith"/>) when the test
    /// releases it — after the caller's abort — unless its own token is cancelled first, which it records.
    /// </summary>
    private sealed class FiresWhenReleased : IPhaseTrigger
    {
        private int _calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? FailWith { get; init; }

        /// <summary>Signals once the server has seen a request aborted (released only after that, the trigger outlives the caller).</summary>
        public RequestAborts Aborts { get; } = new();

        public int Calls => _calls;

        public bool SawCancellation { get; private set; }

        public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Started.TrySetResult();
            try
            {
                await Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }

            if (FailWith is not null)
            {
                throw FailWith;
            }
        }
    }

    /// <summary>Middleware in front of the endpoints that signals when a request's <c>RequestAborted</c> fires.</summary>
    private sealed class RequestAborts : IStartupFilter
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await using (context.RequestAborted.Register(() => Seen.TrySetResult()))
                {
                    await inner();
                }
            });
            next(app);
        };
    }

    /// <summary>The SQLite store, with each mark's outcome observable; <see cref="HoldMarks"/> makes a mark wait until its token is cancelled (a store that does not answer).</summary>
    private sealed class ObservedMarks : ICompletionStore
    {
        private ICompletionStore _inner = null!;

        public bool HoldMarks { get; init; }

        public TaskCompletionSource MarkStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<Exception?> MarkEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FailureKept { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ICompletionStore Over(ICompletionStore inner)
        {
            _inner = inner;
            return this;
        }

        public async Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken)
        {
            MarkStarted.TrySetResult();
            try
            {
                if (HoldMarks)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                await _inner.MarkTriggeredAsync(phase, runKey, now, traceParent, cancellationToken);
                MarkEnded.TrySetResult(null);
            }
            catch (Exception ex)
            {
                MarkEnded.TrySetResult(ex);
                throw;
            }
        }

        public Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken) =>
            _inner.RecordAsync(phase, runKey, completion, claim, cancellationToken);

        public Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken) => _inner.GetAsync(phase, runKey, cancellationToken);

        public Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            _inner.TryClaimAsync(phase, runKey, now, leaseUntil, cancellationToken);

        public Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken) => _inner.ListUntriggeredAsync(phase, limit, cancellationToken);

        public Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken) =>
            _inner.FindRecordedRunKeysAsync(phase, runKeys, cancellationToken);

        public Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken) => _inner.RecordRejectedAsync(rejected, cancellationToken);

        public async Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken)
        {
            var kept = await _inner.RecordTriggerFailureAsync(phase, runKey, at, message, cancellationToken);
            FailureKept.TrySetResult();
            return kept;
        }

        public Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.RecordPhaseDeploymentAsync(phase, now, cancellationToken);
    }
}
