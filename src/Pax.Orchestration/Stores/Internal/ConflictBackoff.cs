using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Stores.Internal;

/// <summary>
/// The wait between a Firestore store's conflict retries of one operation (<see cref="FirestoreConflictRetryOptions"/>):
/// exponential with equal jitter (<see cref="RetryBackoff"/>), on the injected <see cref="TimeProvider"/>, and never
/// past the total time bound. A small loop helper rather than a Polly pipeline: the stores' loops re-read between
/// attempts and must not have an in-flight commit cancelled by a total timeout (its outcome would become unknown).
/// </summary>
internal sealed class ConflictBackoff
{
    private readonly FirestoreConflictRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly long _started;

    public ConflictBackoff(FirestoreConflictRetryOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Waits before the retry that follows failed attempt <paramref name="failedAttempt"/> (from 1).</summary>
    /// <returns><see langword="false"/> without waiting when the wait would end past the total time bound: give up.</returns>
    public async ValueTask<bool> WaitAsync(int failedAttempt, CancellationToken cancellationToken)
    {
        var delay = RetryBackoff.Delay(failedAttempt, _options.InitialDelay, _options.MaxDelay, Random.Shared);
        if (_time.GetElapsedTime(_started) + delay > _options.TotalTimeout)
        {
            return false;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
