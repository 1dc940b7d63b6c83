namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// A job store that can find and claim the next due jobs in one step no other claimer can interleave with (SQLite: one
/// <c>BEGIN IMMEDIATE</c> transaction), so concurrent ticks never list the same jobs and no claim is lost
/// (<see cref="ClaimingTickRound"/>). Internal: a capability of a built-in store, not a promise every
/// <see cref="IScheduledJobStore"/> must keep.
/// </summary>
internal interface IClaimingJobStore : IScheduledJobStore
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due jobs (as <see cref="IScheduledJobStore.ListDueAsync"/> finds them, earliest
    /// first): each is replaced by <paramref name="claim"/>'s result, all at once and only by this caller.
    /// </summary>
    /// <returns>The claimed jobs with their new versions (fewer than <paramref name="limit"/> when fewer are due).</returns>
    Task<IReadOnlyList<ScheduledJob>> ClaimDueAsync(DateTimeOffset now, int limit, Func<ScheduledJob, ScheduledJob> claim, CancellationToken cancellationToken);
}
