namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>A tick's counts, updated from concurrent job runs, and its claim slots (<see cref="SchedulingOptions.MaxJobsPerTick"/>).</summary>
internal sealed class TickCounters
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _checked = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _busyShards = new();
    private int _slots;
    private int _claimed;
    private int _executed;
    private int _succeeded;
    private int _failed;
    private int _skippedClaimed;
    private int _misfireSkipped;

    public int Claimed => Volatile.Read(ref _claimed);

    public int SlotsTaken => Volatile.Read(ref _slots);

    /// <summary>Takes one of <paramref name="limit"/> slots before a claim; <see langword="false"/> when none is left.</summary>
    public bool TryTakeSlot(int limit)
    {
        if (Interlocked.Increment(ref _slots) <= limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _slots);
        return false;
    }

    /// <summary>Gives a slot back when the claim was lost to another tick.</summary>
    public void ReturnSlot() => Interlocked.Decrement(ref _slots);

    /// <summary>Counts due jobs looked at, each once however many rounds list it.</summary>
    public void Checked(IEnumerable<ScheduledJob> due)
    {
        foreach (var job in due)
        {
            _checked.TryAdd(job.Id, 0);
        }
    }

    public void Claim() => Interlocked.Increment(ref _claimed);

    public void Executed() => Interlocked.Increment(ref _executed);

    public void Succeeded() => Interlocked.Increment(ref _succeeded);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void SkippedClaimed() => Interlocked.Increment(ref _skippedClaimed);

    public void MisfireSkipped() => Interlocked.Increment(ref _misfireSkipped);

    /// <summary>Counts shards left to the tick holding their lease, each once however many rounds find it busy.</summary>
    public void ShardsBusy(IEnumerable<int> shards)
    {
        foreach (var shard in shards)
        {
            _busyShards.TryAdd(shard, 0);
        }
    }

    public TickResult ToResult(TimeSpan duration) => new()
    {
        JobsChecked = _checked.Count,
        JobsClaimed = _claimed,
        JobsExecuted = _executed,
        JobsSucceeded = _succeeded,
        JobsFailed = _failed,
        JobsSkippedClaimed = _skippedClaimed,
        JobsMisfireSkipped = _misfireSkipped,
        ShardsBusy = _busyShards.Count,
        Duration = duration,
    };
}
