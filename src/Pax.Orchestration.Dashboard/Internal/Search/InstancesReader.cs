using Pax.Orchestration.Completion;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal.Search;

/// <summary>
/// Reads the instances page: one page of claimed tallies per phase (<see cref="ICompletionStoreQueries.SearchAsync"/>,
/// state claimed) and one page of running jobs (<see cref="IScheduledJobStoreQueries.ListByStatusAsync"/>), grouped by
/// the instance that holds each (<see cref="StoredTally.ClaimedBy"/>, <see cref="ScheduledJob.LeaseHolder"/>). A cost of
/// one query per phase plus one, each bounded by the page size.
/// </summary>
internal static class InstancesReader
{
    public static async Task<InstancesView> ReadAsync(DashboardReader phases, JobsReader jobs, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claims = new List<(string? Holder, HeldClaim Claim)>();
        var truncated = false;
        if (phases.Queries is { } queries)
        {
            foreach (var phase in phases.Phases)
            {
                var claimed = await queries.SearchAsync(phase.Name, new TallySearch { State = TallySearchState.Claimed }, pageSize, null, cancellationToken).ConfigureAwait(false);
                truncated |= claimed.Count == pageSize;
                claims.AddRange(claimed.Select(t => (t.ClaimedBy, new HeldClaim(phase.Name, t.RunKey, t.ClaimedAt, t.ClaimedUntil, t.ClaimedUntil is not { } until || until <= now))));
            }
        }

        var leases = new List<(string? Holder, HeldLease Lease)>();
        if (jobs.Queries is { } jobQueries)
        {
            var running = await jobQueries.ListByStatusAsync(ScheduledJobStatus.Running, pageSize, null, cancellationToken).ConfigureAwait(false);
            truncated |= running.Count == pageSize;
            leases.AddRange(running.Select(j => (j.LeaseHolder, new HeldLease(j.Id, j.Type, j.LeaseUntil, j.UpdatedAt))));
        }

        var instances = claims.Select(c => c.Holder).Concat(leases.Select(l => l.Holder)).Distinct()
            .Select(holder =>
            {
                var held = claims.Where(c => c.Holder == holder).Select(c => c.Claim).ToList();
                var leased = leases.Where(l => l.Holder == holder).Select(l => l.Lease).ToList();
                var seen = held.Select(c => c.ClaimedAt).Concat(leased.Select(l => (DateTimeOffset?)l.LastRenewedAt)).Max();
                return new InstanceView(holder, seen, held, leased);
            })
            .OrderByDescending(i => i.LastSeen)
            .ThenBy(i => i.Instance, StringComparer.Ordinal)
            .ToList();
        return new InstancesView(now, instances, truncated);
    }
}
