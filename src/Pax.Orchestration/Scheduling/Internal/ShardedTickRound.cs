using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// One round of a tick. Finds the shards of the earliest due jobs, leaves those another tick holds the lease of, and
/// takes the others one at a time in the order of their earliest due job (a lease another tick took meanwhile is
/// skipped, at the cost of one conditional write): with a shard's lease held, it lists that shard's due jobs (as many as
/// the tick has slots left) and hands them to <see cref="SchedulingOptions.MaxConcurrency"/> workers, which
/// claim and run them. The lease is given back as soon as each listed job was claimed or left, so it covers claims, not
/// runs; workers claim only in the first half of the lease, leaving later jobs to whoever takes the shard next. The
/// queue between the round and its workers holds one job, so the next shard is taken when a worker is free for it.
/// </summary>
internal sealed class ShardedTickRound : ITickRound
{
    /// <summary>How many of the earliest due jobs show which shards have work: enough to meet nearly every shard.</summary>
    private const int DiscoveryLimit = 4 * JobShards.Count;

    private readonly IShardedJobStore _store;
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JobRunner _runner;

    public ShardedTickRound(IShardedJobStore store, SchedulingOptions options, TimeProvider time, ILogger logger, JobRunner runner)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _runner = runner;
    }

    /// <summary>Runs a round; returns whether another may find more (it claimed something).</summary>
    public async Task<bool> RunAsync(TickCounters counters, CancellationToken tickToken)
    {
        var limit = _options.MaxJobsPerTick;
        if (tickToken.IsCancellationRequested || counters.SlotsTaken >= limit)
        {
            return false;
        }

        int[] shards;
        try
        {
            shards = await FindShardsAsync(counters, limit, tickToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (tickToken.IsCancellationRequested)
        {
            return false;
        }

        if (shards.Length == 0)
        {
            return false;
        }

        var claimedBefore = counters.Claimed;
        var queue = Channel.CreateBounded<(ScheduledJob Job, ShardBatch Batch)>(new BoundedChannelOptions(1) { SingleWriter = true });
        using var workerFailed = new CancellationTokenSource();
        var workers = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => WorkAsync(queue.Reader, counters, limit, workerFailed, tickToken)).ToList();
        try
        {
            foreach (var shard in shards)
            {
                if (tickToken.IsCancellationRequested || counters.SlotsTaken >= limit)
                {
                    break;
                }

                if (await TryOpenAsync(shard, counters, limit, tickToken).ConfigureAwait(false) is not { } batch)
                {
                    continue;
                }

                foreach (var job in batch.Jobs)
                {
                    // Every listed job goes to a worker, which claims it or leaves it (cancelled, out of slots or time).
                    await queue.Writer.WriteAsync((job, batch), workerFailed.Token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            queue.Writer.Complete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        return counters.Claimed > claimedBefore;
    }

    /// <summary>The shards with due jobs no other tick holds, in the order of their earliest due job.</summary>
    private async Task<int[]> FindShardsAsync(TickCounters counters, int limit, CancellationToken tickToken)
    {
        var now = _time.GetUtcNow();
        var due = await _store.ListDueAsync(now, Math.Min(limit - counters.SlotsTaken, DiscoveryLimit), tickToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return [];
        }

        var busy = await _store.ListLeasedShardsAsync(now, tickToken).ConfigureAwait(false);
        var shards = due.Select(job => job.Shard).Distinct().ToList();
        counters.ShardsBusy(shards.Where(busy.Contains));
        return shards.Where(shard => !busy.Contains(shard)).ToArray();
    }

    /// <summary>Takes the shard's lease and lists its due jobs; <see langword="null"/> when another holds it, or it has none (lease given back).</summary>
    private async Task<ShardBatch?> TryOpenAsync(int shard, TickCounters counters, int limit, CancellationToken tickToken)
    {
        var now = _time.GetUtcNow();
        string? version;
        try
        {
            version = await _store.TryLeaseShardAsync(shard, JobTransitions.ThisProcess, now, now + _options.Lease, tickToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (tickToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            SchedulingLog.ShardLeaseFailed(_logger, ex, shard);
            return null;
        }

        if (version is null)
        {
            counters.ShardsBusy([shard]);
            return null;
        }

        IReadOnlyList<ScheduledJob> due = [];
        try
        {
            var room = limit - counters.SlotsTaken;
            due = room > 0 ? await _store.ListDueAsync(now, shard, room, tickToken).ConfigureAwait(false) : [];
        }
        catch (OperationCanceledException) when (tickToken.IsCancellationRequested)
        {
            // The tick ends: nothing listed.
        }
        finally
        {
            if (due.Count == 0)
            {
                await ReleaseAsync(shard, version).ConfigureAwait(false);
            }
        }

        counters.Checked(due);
        return due.Count == 0 ? null : new ShardBatch(shard, version, now + (_options.Lease / 2), due);
    }

    private async Task WorkAsync(ChannelReader<(ScheduledJob Job, ShardBatch Batch)> queue, TickCounters counters, int limit, CancellationTokenSource failed, CancellationToken tickToken)
    {
        // Off the round's own continuation: the round keeps listing while workers claim.
        await Task.Yield();
        try
        {
            await foreach (var (job, batch) in queue.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                ScheduledJob? claimed = null;
                if (!tickToken.IsCancellationRequested && _time.GetUtcNow() < batch.ClaimBy && counters.TryTakeSlot(limit))
                {
                    claimed = await _runner.TryClaimAsync(job, counters).ConfigureAwait(false);
                }

                if (batch.Settle())
                {
                    await ReleaseAsync(batch.Shard, batch.Version).ConfigureAwait(false);
                }

                if (claimed is not null)
                {
                    await _runner.RunClaimedAsync(claimed, counters, tickToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // Stop the round from waiting for a worker that is gone; the exception ends the tick.
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ReleaseAsync(int shard, string version)
    {
        try
        {
            await _store.ReleaseShardAsync(shard, version, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SchedulingLog.ShardLeaseFailed(_logger, ex, shard);
        }
    }
}
