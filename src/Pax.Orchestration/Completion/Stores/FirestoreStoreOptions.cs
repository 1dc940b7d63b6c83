using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Completion.Stores;

/// <summary>Options of <see cref="FirestoreCompletionStore"/> (<c>Pax:Orchestration:Firestore</c>).</summary>
public sealed class FirestoreStoreOptions
{
    /// <summary>Gets or sets the Google Cloud project whose <c>(default)</c> database holds the tallies.</summary>
    /// <value>Default <see langword="null"/>: the <c>GOOGLE_CLOUD_PROJECT</c> environment variable; required when the store is Firestore.</value>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the collection that keeps rejected deliveries.</summary>
    /// <value>Default <c>pax_rejected</c>.</value>
    public string RejectedCollection { get; set; } = "pax_rejected";

    /// <summary>Gets or sets how a tally write that lost a race is retried (<c>Pax:Orchestration:Firestore:ConflictRetry</c>).</summary>
    /// <value>Default: see <see cref="FirestoreConflictRetryOptions"/> (50 ms doubling to 2 s, jittered, 10 s in all).</value>
    public FirestoreConflictRetryOptions ConflictRetry { get; set; } = new();
}
