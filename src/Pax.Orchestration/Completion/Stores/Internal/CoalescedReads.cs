namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// Shares one read among the callers that need it at the same time, per key, without ever handing a caller a read that
/// began before it asked: a caller joins the read that has not started yet (there is at most one per key), which starts
/// once the key's running read has finished. Every caller therefore gets an answer read after its own earlier writes (a
/// Firestore query is strongly consistent as of when it runs), and 64 reports of one run key arriving together cost a
/// handful of sums instead of 64 (group commit, applied to reads).
/// </summary>
/// <typeparam name="T">The value read.</typeparam>
internal sealed class CoalescedReads<T>
{
    private readonly object _gate = new();
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>Returns a value of <paramref name="read"/> that started after this call.</summary>
    /// <param name="key">What is read (a tally's document name).</param>
    /// <param name="read">The read; it runs without the callers' tokens, as several callers share it.</param>
    /// <param name="cancellationToken">Stops this caller's wait (not the shared read).</param>
    /// <returns>The value.</returns>
    public Task<T> ReadAsync(string key, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        TaskCompletionSource<T> pending;
        Task before;
        lock (_gate)
        {
            if (!_states.TryGetValue(key, out var state))
            {
                state = new State();
                _states[key] = state;
            }

            if (state.Pending is { } joined)
            {
                return joined.Task.WaitAsync(cancellationToken);
            }

            pending = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            state.Pending = pending;
            before = state.Running ?? Task.CompletedTask;
            _ = RunAsync(key, state, pending, before, read);
        }

        return pending.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(string key, State state, TaskCompletionSource<T> pending, Task before, Func<Task<T>> read)
    {
        await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            // From here on nobody joins this read: a later caller may have written after it starts.
            state.Pending = null;
            state.Running = pending.Task;
        }

        try
        {
            pending.SetResult(await read().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            pending.SetException(ex);
        }
        finally
        {
            lock (_gate)
            {
                if (state.Running == pending.Task)
                {
                    state.Running = null;
                }

                if (state.Running is null && state.Pending is null)
                {
                    _states.Remove(key);
                }
            }
        }
    }

    private sealed class State
    {
        public Task? Running { get; set; }

        public TaskCompletionSource<T>? Pending { get; set; }
    }
}
