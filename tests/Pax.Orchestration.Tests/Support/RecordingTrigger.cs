using System.Collections.Concurrent;
using Pax.Orchestration.Completion.Triggers;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A trigger that records every call; it can be told to fail the next N calls.</summary>
public sealed class RecordingTrigger : IPhaseTrigger
{
    private int _failuresLeft;

    public ConcurrentQueue<PhaseTriggerRequest> Calls { get; } = new();

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public int CallsFor(string runKey) => Calls.Count(c => c.RunKey == runKey);

    public Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("injected trigger failure");
        }

        Calls.Enqueue(request);
        return Task.CompletedTask;
    }
}
