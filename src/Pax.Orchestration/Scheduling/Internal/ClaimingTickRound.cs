namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// A round on a store that claims the next due jobs in one step (<see cref="IClaimingJobStore"/>, SQLite): it claims as
/// many due jobs as there are free workers (of <see cref="SchedulingOptions.MaxConcurrency"/>) and runs each at once,
/// until fewer are due than asked for, the tick's slots are taken or its time is up. Nothing is listed that another tick
/// could claim first, so no claim is lost; a claimed job never waits for a worker, so its lease runs only while it runs
/// (and is renewed there). A claim is one write transaction, so the round claims in batches: it waits until the jobs of
/// its last batch are done or half its workers are free (a long job of an earlier batch does not hold it up).
/// </summary>
internal sealed class ClaimingTickRound(IClaimingJobStore store, SchedulingOptions options, TimeProvider time, JobRunner runner) : ITickRound
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(TickCounters counters, CancellationToken tickToken)
    {
        var claimedBefore = counters.Claimed;
        var workers = new Workers(options.MaxConcurrency);
        var running = new List<Task>();
        try
        {
            var lastBatch = Task.CompletedTask;
            while (await workers.WaitForBatchAsync(lastBatch, tickToken).ConfigureAwait(false) is var free and > 0)
            {
                var slots = 0;
                while (slots < free && counters.TryTakeSlot(options.MaxJobsPerTick))
                {
                    slots++;
                }

                var claimed = slots == 0 ? [] : await ClaimAsync(slots, tickToken).ConfigureAwait(false);
                counters.Checked(claimed);
                for (var unused = claimed.Count; unused < slots; unused++)
                {
                    counters.ReturnSlot();
                }

                var batch = claimed.Select(job =>
                {
                    runner.Claimed(job, counters);
                    return workers.RunAsync(() => runner.RunClaimedAsync(job, counters, tickToken));
                }).ToList();
                running.AddRange(batch);
                lastBatch = Task.WhenAll(batch);
                if (claimed.Count < free)
                {
                    break;
                }
            }
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        // A job that ran may be due again (a recurring one catching up): another round looks.
        return counters.Claimed > claimedBefore;
    }

    private async Task<IReadOnlyList<ScheduledJob>> ClaimAsync(int slots, CancellationToken tickToken)
    {
        try
        {
            var now = time.GetUtcNow();
            return await store.ClaimDueAsync(now, slots, job => runner.Claim(job, now), tickToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (tickToken.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>The round's workers: how many run a job, and a signal for each that finishes.</summary>
    private sealed class Workers(int count)
    {
        private readonly SemaphoreSlim _finished = new(0);
        private int _busy;

        /// <summary>
        /// Waits until a worker is free and either <paramref name="lastBatch"/> is done or half the workers are free;
        /// returns how many are free (0 when the tick is out of time).
        /// </summary>
        public async Task<int> WaitForBatchAsync(Task lastBatch, CancellationToken tickToken)
        {
            while (!tickToken.IsCancellationRequested)
            {
                var free = count - Volatile.Read(ref _busy);
                if (free > 0 && (lastBatch.IsCompleted || free * 2 >= count))
                {
                    return free;
                }

                try
                {
                    await _finished.WaitAsync(tickToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (tickToken.IsCancellationRequested)
                {
                    break;
                }
            }

            return 0;
        }

        public async Task RunAsync(Func<Task> run)
        {
            Interlocked.Increment(ref _busy);

            // Off the round's own continuation: the round claims the next batch while this one runs.
            await Task.Yield();
            try
            {
                await run().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
                _finished.Release();
            }
        }
    }
}
