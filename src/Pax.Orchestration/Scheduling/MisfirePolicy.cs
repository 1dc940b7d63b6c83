namespace Pax.Orchestration.Scheduling;

/// <summary>
/// What a recurring job does about occurrences missed while nothing ticked (an occurrence is missed when the next
/// one is also due by the time a tick claims the job).
/// </summary>
public enum MisfirePolicy
{
    /// <summary>Run once for all missed occurrences, then continue with the first occurrence after now. The default.</summary>
    RunOnce,

    /// <summary>Run once per missed occurrence, oldest first (ticks keep claiming the job until it has caught up).</summary>
    RunAll,

    /// <summary>Run none of the missed occurrences; continue with the first occurrence after now.</summary>
    Skip,
}
