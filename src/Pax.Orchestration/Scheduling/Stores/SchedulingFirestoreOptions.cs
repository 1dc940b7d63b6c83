using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Scheduling.Stores;

/// <summary>Options of <see cref="FirestoreScheduledJobStore"/> (<c>Pax:Scheduling:Firestore</c>).</summary>
public sealed class SchedulingFirestoreOptions
{
    /// <summary>Gets or sets the Google Cloud project whose <c>(default)</c> database holds the jobs.</summary>
    /// <value>Default <see langword="null"/>: the <c>GOOGLE_CLOUD_PROJECT</c> environment variable; required when the store is Firestore.</value>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the jobs' collection.</summary>
    /// <value>Default <c>scheduler_jobs</c>.</value>
    public string Collection { get; set; } = "scheduler_jobs";

    /// <summary>Gets or sets the collection that records handled tick deliveries (give it a TTL policy on <c>expire_at</c>).</summary>
    /// <value>Default <c>scheduler_ticks</c>.</value>
    public string TicksCollection { get; set; } = "scheduler_ticks";

    /// <summary>
    /// Gets or sets the collection of shard leases (<c>Pax:Scheduling:Firestore:ShardsCollection</c>): a document per shard a
    /// tick is claiming jobs of, deleted when it is done. A Firestore collection id of its own (not <see cref="Collection"/>
    /// or <see cref="TicksCollection"/>), checked at startup.
    /// </summary>
    /// <value>Default <c>scheduler_shards</c>.</value>
    public string ShardsCollection { get; set; } = "scheduler_shards";

    /// <summary>Gets or sets how a job write that met contention (409 <c>ABORTED</c>) is retried (<c>Pax:Scheduling:Firestore:ConflictRetry</c>).</summary>
    /// <value>Default: see <see cref="FirestoreConflictRetryOptions"/> (50 ms doubling to 2 s, jittered, 10 s in all).</value>
    public FirestoreConflictRetryOptions ConflictRetry { get; set; } = new();
}
