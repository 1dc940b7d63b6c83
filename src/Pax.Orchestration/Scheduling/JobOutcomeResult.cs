namespace Pax.Orchestration.Scheduling;

/// <summary>How a run of a job went (<see cref="JobOutcome.Result"/>).</summary>
public enum JobOutcomeResult
{
    /// <summary>The handler returned.</summary>
    Succeeded,

    /// <summary>The handler threw, no handler was registered, or the final attempt's lease ran out (its process died).</summary>
    Failed,

    /// <summary>The run was stopped: the tick's time budget ended, or the lease could not be renewed.</summary>
    Interrupted,

    /// <summary>Missed occurrences were skipped (<see cref="MisfirePolicy.Skip"/>); nothing ran.</summary>
    Skipped,
}
