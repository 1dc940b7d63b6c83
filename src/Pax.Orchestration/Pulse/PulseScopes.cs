namespace Pax.Orchestration.Pulse;

/// <summary>The pulse's scopes besides the phases' own names (which are 1–100 letters, digits, '_' or '-', so these never clash).</summary>
internal static class PulseScopes
{
    /// <summary>The scheduler's counts (jobs run and failed).</summary>
    public const string Scheduler = "~scheduler";

    /// <summary>Rejected deliveries that named no configured phase.</summary>
    public const string NoPhase = "~none";

    /// <summary>The DI key of the phases' recorder (counts kept in the completion store).</summary>
    public const string PhasesKey = "pax.pulse.phases";

    /// <summary>The DI key of the scheduler's recorder (counts kept in the job store).</summary>
    public const string SchedulerKey = "pax.pulse.scheduler";
}
