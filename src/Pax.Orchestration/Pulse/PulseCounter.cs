namespace Pax.Orchestration.Pulse;

/// <summary>What the pulse counts per hour: the phases' counters and the scheduler's. The names are the stored field and column names.</summary>
internal enum PulseCounter
{
    /// <summary>Reports recorded (<c>reports</c>).</summary>
    Reports,

    /// <summary>Reports that were duplicates (<c>duplicates</c>).</summary>
    Duplicates,

    /// <summary>Deliveries rejected (<c>rejections</c>).</summary>
    Rejections,

    /// <summary>Next-phase triggers fired and marked (<c>triggers</c>).</summary>
    Triggers,

    /// <summary>Trigger attempts that failed (<c>triggerFailures</c>).</summary>
    TriggerFailures,

    /// <summary>Job handler runs started (<c>jobsRun</c>).</summary>
    JobsRun,

    /// <summary>Job runs that failed or were interrupted (<c>jobsFailed</c>).</summary>
    JobsFailed,
}
