namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// A round on a store without a claim capability of its own (a custom <see cref="IScheduledJobStore"/>): lists the
/// earliest due jobs and claims each with a compare-and-swap, <see cref="SchedulingOptions.MaxConcurrency"/> at a time.
/// Concurrent ticks list the same jobs, so some claims are lost to another tick (counted in
/// <see cref="TickResult.JobsSkippedClaimed"/>); none runs twice.
/// </summary>
internal sealed class UnshardedTickRound(IScheduledJobStore store, SchedulingOptions options, TimeProvider time, JobRunner runner) : ITickRound
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(TickCounters counters, CancellationToken tickToken)
    {
        var limit = options.MaxJobsPerTick;
        if (tickToken.IsCancellationRequested || counters.SlotsTaken >= limit)
        {
            return false;
        }

        IReadOnlyList<ScheduledJob> due;
        try
        {
            due = await store.ListDueAsync(time.GetUtcNow(), limit - counters.SlotsTaken, tickToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (tickToken.IsCancellationRequested)
        {
            return false;
        }

        counters.Checked(due);
        var claimedBefore = counters.Claimed;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency };
        await Parallel.ForEachAsync(due, parallel, async (job, _) =>
        {
            if (!tickToken.IsCancellationRequested && counters.TryTakeSlot(limit)
                && await runner.TryClaimAsync(job, counters).ConfigureAwait(false) is { } claimed)
            {
                await runner.RunClaimedAsync(claimed, counters, tickToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return due.Count > 0 && counters.Claimed > claimedBefore;
    }
}
