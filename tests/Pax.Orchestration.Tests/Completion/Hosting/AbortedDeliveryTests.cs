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
/// A caller that hangs up after the next phase's trigger fired — a client abort, or Pub/Sub giving up on a push at its
/// ack deadline — must not leave the tally claimed: the mark is written under its own bound, and once the lease ran
/// out the watchdog would fire the trigger a second time (2 duplicates in a 110,205-delivery load run).
/// </summary>
public sealed class AbortedDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trigger_that_fired_is_marked_triggered_even_when_the_request_is_aborted_between_the_trigger_and_the_mark()
    {
        var trigger = new FiresThenSeesTheAbort();
        var store = new ObservedMarks();
        await using var server = await StartAsync(trigger, store);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        var mark = await AbortTheCompletingDeliveryAsync(server, trigger, store);

        Assert.Null(await mark);
        Assert.Equal(TallyTriggerState.Triggered, (await store.GetAsync("phase2", "k1", Ct))!.State);
        Assert.Equal(1, trigger.Calls);
    }

    [Fact]
    public async Task A_trigger_that_fired_but_could_not_be_marked_is_logged_as_a_warning_even_when_the_request_is_aborted()
    {
        var trigger = new FiresThenSeesTheAbort();
        var store = new ObservedMarks { HoldMarks = true };
        await using var server = await StartAsync(trigger, store);
        await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);

        var mark = await AbortTheCompletingDeliveryAsync(server, trigger, store);
        await store.MarkStarted.Task.WaitAsync(Ct);
        server.Time.Advance(CompletionTally.MarkTriggeredTimeout);

        Assert.IsAssignableFrom<OperationCanceledException>(await mark);
        var warning = await FirstLogAsync(server, "MarkTriggeredFailed");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("phase2/k1", warning.Message, StringComparison.Ordinal);
        Assert.Equal(TallyTriggerState.Claimed, (await store.GetAsync("phase2", "k1", Ct))!.State);
    }

    private static Task<OrchestratorServer> StartAsync(FiresThenSeesTheAbort trigger, ObservedMarks store) => OrchestratorServer.StartAsync(
        o => o.Phases[0].CustomTrigger = trigger,
        s => s.AddFakeLogging().AddSingleton<ICompletionStore>(sp => store.Over(new SqliteCompletionStore(sp.GetRequiredService<IOptions<OrchestrationOptions>>()))));

    /// <summary>Posts the completing report, aborts the request once the trigger has fired, and returns the task that ends with the mark (its exception, or null).</summary>
    private static async Task<Task<Exception?>> AbortTheCompletingDeliveryAsync(OrchestratorServer server, FiresThenSeesTheAbort trigger, ObservedMarks store)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var completing = server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("b", "k1"), "2")), abort.Token);
        await trigger.Fired.Task.WaitAsync(Ct);
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => completing);
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

    /// <summary>Fires (the publish lands), signals, then waits until the caller's abort reaches it and returns normally: the abort falls between the trigger and the mark.</summary>
    private sealed class FiresThenSeesTheAbort : IPhaseTrigger
    {
        private int _calls;

        public TaskCompletionSource Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => _calls;

        public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Fired.TrySetResult();
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (cancellationToken.Register(() => aborted.TrySetResult()))
            {
                await aborted.Task;
            }
        }
    }

    /// <summary>The SQLite store, with each mark's outcome observable; <see cref="HoldMarks"/> makes a mark wait until its token is cancelled (a store that does not answer).</summary>
    private sealed class ObservedMarks : ICompletionStore
    {
        private ICompletionStore _inner = null!;

        public bool HoldMarks { get; init; }

        public TaskCompletionSource MarkStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<Exception?> MarkEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ICompletionStore Over(ICompletionStore inner)
        {
            _inner = inner;
            return this;
        }

        public async Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, CancellationToken cancellationToken)
        {
            MarkStarted.TrySetResult();
            try
            {
                if (HoldMarks)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                await _inner.MarkTriggeredAsync(phase, runKey, now, cancellationToken);
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
    }
}
