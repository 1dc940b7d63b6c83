using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Security;

/// <summary>
/// The intake answers inside the push subscription's ack deadline (cloud.google.com/pubsub/docs/push: the push
/// request times out at <c>ackDeadlineSeconds</c>, and an unanswered push is redelivered), so a store stuck in
/// retries is answered 503 before Pub/Sub gives up on it.
/// </summary>
public sealed class AckDeadlineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task A_delivery_the_store_cannot_finish_within_the_ack_deadline_is_answered_503_one_second_before_it(int ackDeadlineSeconds)
    {
        var store = new StuckStore();
        await using var server = await OrchestratorServer.StartAsync(
            o => o.Push.AckDeadline = TimeSpan.FromSeconds(ackDeadlineSeconds),
            s => s.AddSingleton<ICompletionStore>(store));

        var answer = server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")), Ct);
        await store.Entered.Task.WaitAsync(Ct);
        server.Time.Advance(TimeSpan.FromSeconds(ackDeadlineSeconds - 1) - TimeSpan.FromMilliseconds(1));
        Assert.False(store.Cancelled.Task.IsCompleted);
        server.Time.Advance(TimeSpan.FromMilliseconds(1));
        var response = await answer;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(store.Cancelled.Task.IsCompleted);
    }

    /// <summary>A store whose write never finishes until it is cancelled, like one stuck in Google's retries.</summary>
    private sealed class StuckStore : ICompletionStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken) => Task.FromResult<StoredTally?>(null);

        public Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken) => Task.FromResult<TriggerError?>(null);

        public Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(now);

        public Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StoredTally>>([]);

        public Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

        public Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
