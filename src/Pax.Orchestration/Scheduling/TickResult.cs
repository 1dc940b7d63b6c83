namespace Pax.Orchestration.Scheduling;

/// <summary>What one tick did (the JSON answer of <c>POST /cron/tick</c>, in snake_case).</summary>
public sealed record TickResult
{
    /// <summary>Gets how many due jobs the tick looked at (in the shards it held the lease of).</summary>
    public int JobsChecked { get; init; }

    /// <summary>Gets how many of them this tick claimed.</summary>
    public int JobsClaimed { get; init; }

    /// <summary>Gets how many handler runs started.</summary>
    public int JobsExecuted { get; init; }

    /// <summary>Gets how many runs succeeded.</summary>
    public int JobsSucceeded { get; init; }

    /// <summary>Gets how many runs failed (retried later or marked failed) or were interrupted.</summary>
    public int JobsFailed { get; init; }

    /// <summary>Gets how many due jobs another tick claimed first.</summary>
    public int JobsSkippedClaimed { get; init; }

    /// <summary>Gets how many recurring occurrences were skipped by <see cref="MisfirePolicy.Skip"/>.</summary>
    public int JobsMisfireSkipped { get; init; }

    /// <summary>
    /// Gets how many shards with due jobs this tick left alone because another tick held their lease (it claims their
    /// jobs). Their jobs are not counted in <see cref="JobsChecked"/>. Firestore only: it spreads jobs over 16 shards, each
    /// with a lease, so concurrent ticks claim different jobs; 0 on other stores.
    /// </summary>
    public int ShardsBusy { get; init; }

    /// <summary>Gets a value indicating whether the delivery was a repeat of one already handled (nothing ran).</summary>
    public bool DuplicateDelivery { get; init; }

    /// <summary>
    /// Gets a value indicating whether the delivery came before the schedule time it carries (a force run —
    /// <c>gcloud scheduler jobs run</c> — may carry the <i>next</i> scheduled time): the tick ran, but the delivery was
    /// not recorded, so the real delivery of that time runs too.
    /// </summary>
    public bool AheadOfSchedule { get; init; }

    /// <summary>Gets how long the tick took.</summary>
    public TimeSpan Duration { get; init; }
}
