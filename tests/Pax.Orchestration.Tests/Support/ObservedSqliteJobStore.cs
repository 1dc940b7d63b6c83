using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Tests.Support;

/// <summary>An <see cref="ObservedJobStore"/> over the SQLite store, forwarding its batch claims (which count as listings and writes).</summary>
public sealed class ObservedSqliteJobStore(IScheduledJobStore inner) : ObservedJobStore(inner), IClaimingJobStore
{
    public async Task<IReadOnlyList<ScheduledJob>> ClaimDueAsync(DateTimeOffset now, int limit, Func<ScheduledJob, ScheduledJob> claim, CancellationToken cancellationToken)
    {
        await AfterListAsync();
        ThrowIfUnreachable();
        var claimed = await ((IClaimingJobStore)Inner).ClaimDueAsync(now, limit, claim, cancellationToken);
        Replaced(claimed.Count);
        return claimed;
    }
}
