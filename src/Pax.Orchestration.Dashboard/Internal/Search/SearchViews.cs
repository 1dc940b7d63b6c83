namespace Pax.Orchestration.Dashboard.Internal.Search;

// The search and instances pages' data, as the pages render it and /pax/api/search and /pax/api/instances return it
// (shapes documented in docs/dashboard.md). Internal records in one file: they are one contract, serialised by DashboardJsonContext.

/// <summary>
/// <c>GET /pax/api/search?q=</c>: per phase, the run key <c>q</c> itself and the run keys that start with it (a page,
/// by run key descending, including expected run keys nobody reported for); the job whose id is <c>q</c>.
/// </summary>
internal sealed record SearchView(DateTimeOffset GeneratedAt, string Query, IReadOnlyList<PhaseView> Phases, IReadOnlyList<JobRow> Jobs);

/// <summary>
/// <c>GET /pax/api/instances</c>: who holds what, by instance (<c>{K_REVISION}/{host name}/{process id}/{random}</c> on Cloud Run; <c>null</c>
/// for claims taken before the holder was recorded), from one page of claimed run keys per phase and one page of running
/// jobs; <c>truncated</c> is true when a page was full (there may be more).
/// </summary>
internal sealed record InstancesView(DateTimeOffset GeneratedAt, IReadOnlyList<InstanceView> Instances, bool Truncated);

/// <summary>One instance: what it holds and when it was last seen (its latest claim or lease renewal).</summary>
internal sealed record InstanceView(string? Instance, DateTimeOffset? LastSeen, IReadOnlyList<HeldClaim> Claims, IReadOnlyList<HeldLease> Leases);

/// <summary>A claimed run key: when it was claimed, until when, and whether that lease has ended (a re-drive is due).</summary>
internal sealed record HeldClaim(string Phase, string RunKey, DateTimeOffset? ClaimedAt, DateTimeOffset? ClaimedUntil, bool LeaseEnded);

/// <summary>A running job's lease: until when, and when it was last renewed (the job's last update).</summary>
internal sealed record HeldLease(string JobId, string Type, DateTimeOffset? LeaseUntil, DateTimeOffset LastRenewedAt);

/// <summary>The answer of <c>/pax/api/*</c> to a filter value it cannot use (400): what is wrong and what is accepted.</summary>
internal sealed record FilterErrorView(string Error);
