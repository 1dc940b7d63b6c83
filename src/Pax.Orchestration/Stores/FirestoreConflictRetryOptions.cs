namespace Pax.Orchestration.Stores;

/// <summary>
/// How the Firestore stores retry a write that lost a race (409 <c>ABORTED</c> contention, or a precondition another
/// writer broke): truncated exponential backoff with jitter, bounded in total time, as Google advises for contention
/// (cloud.google.com/firestore/docs/understand-error-codes: ABORTED, "retry the entire transaction"; Firestore best
/// practices: back off exponentially). The delay before retry <c>n</c> (1-based) is a random value between half and all of
/// <c>min(InitialDelay × 2^(n-1), MaxDelay)</c>. Bound as <c>Pax:Orchestration:Firestore:ConflictRetry</c> and
/// <c>Pax:Scheduling:Firestore:ConflictRetry</c>.
/// </summary>
public sealed class FirestoreConflictRetryOptions
{
    /// <summary>Gets or sets the delay before the first retry (before jitter).</summary>
    /// <value>Default 50 milliseconds. Between 0 and 1 minute.</value>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets the longest delay between two attempts (before jitter).</summary>
    /// <value>Default 2 seconds. At least <see cref="InitialDelay"/>, at most 5 minutes.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long one operation may keep retrying: no retry starts whose delay would end after this time
    /// since the first attempt, and the last conflict is thrown (a push delivery then answers 503 and Pub/Sub redelivers).
    /// </summary>
    /// <value>Default 10 seconds (Pub/Sub's default push acknowledgement deadline). Between 1 millisecond and 10 minutes.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns a message per invalid setting, each naming its key under <paramref name="key"/>.</summary>
    internal IEnumerable<string> Validate(string key)
    {
        if (InitialDelay < TimeSpan.Zero || InitialDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{key}:InitialDelay must be between 0 and 1 minute (was {InitialDelay}).";
        }

        if (MaxDelay < InitialDelay || MaxDelay > TimeSpan.FromMinutes(5))
        {
            yield return $"{key}:MaxDelay must be between InitialDelay and 5 minutes (was {MaxDelay}).";
        }

        if (TotalTimeout < TimeSpan.FromMilliseconds(1) || TotalTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{key}:TotalTimeout must be between 1 millisecond and 10 minutes (was {TotalTimeout}).";
        }
    }
}
