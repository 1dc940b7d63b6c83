using Pax.Orchestration.Completion.Stores.Internal;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>The wide tally's shared sums: callers share a read that starts after they asked, never one already running.</summary>
public sealed class CoalescedReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callers_arriving_while_a_read_runs_share_the_next_read_and_never_get_the_running_one()
    {
        var reads = new CoalescedReads<int>();
        var started = new List<TaskCompletionSource<int>>();
        var startedSignal = new SemaphoreSlim(0);
        Task<int> Read()
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (started)
            {
                started.Add(read);
            }

            startedSignal.Release();
            return read.Task;
        }

        var first = reads.ReadAsync("k", Read, Ct);
        await startedSignal.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var second = reads.ReadAsync("k", Read, Ct);
        var third = reads.ReadAsync("k", Read, Ct);
        var otherKey = reads.ReadAsync("other", Read, Ct);
        await startedSignal.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(2, started.Count); // "k"'s second read waits for its first; "other" runs at once
        started[0].SetResult(1);
        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        await startedSignal.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        started[2].SetResult(2);
        started[1].SetResult(7);

        Assert.Equal((2, 2, 7), (await second.WaitAsync(TimeSpan.FromSeconds(10), Ct), await third.WaitAsync(TimeSpan.FromSeconds(10), Ct), await otherKey.WaitAsync(TimeSpan.FromSeconds(10), Ct)));
        Assert.Equal(3, started.Count);
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_and_the_next_caller_reads_again()
    {
        var reads = new CoalescedReads<int>();
        var calls = 0;

        var failed = reads.ReadAsync("k", () => Interlocked.Increment(ref calls) == 1 ? Task.FromException<int>(new InvalidOperationException("store down")) : Task.FromResult(5), Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        var next = await reads.ReadAsync("k", () => Interlocked.Increment(ref calls) == 1 ? Task.FromException<int>(new InvalidOperationException()) : Task.FromResult(5), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal((5, 2), (next, calls));
    }
}
