namespace Pax.Orchestration.Completion;

/// <summary>Where a tally is in its outbox: open (collecting), claimed (a trigger is under way), triggered (done).</summary>
public enum TallyTriggerState
{
    /// <summary>Collecting completions; nobody has claimed the trigger.</summary>
    Open,

    /// <summary>One orchestrator instance claimed the trigger until the lease ends; if it does not mark it triggered by then, the watchdog or a redelivery re-drives it.</summary>
    Claimed,

    /// <summary>The next phase was triggered. Final.</summary>
    Triggered,
}
