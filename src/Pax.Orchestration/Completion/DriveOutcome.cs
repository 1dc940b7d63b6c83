namespace Pax.Orchestration.Completion;

/// <summary>What an attempt to trigger the next phase came to.</summary>
public enum DriveOutcome
{
    /// <summary>Nothing to do: the phase is incomplete.</summary>
    NotComplete,

    /// <summary>This call triggered the next phase and marked the tally triggered.</summary>
    Triggered,

    /// <summary>The tally was triggered before.</summary>
    AlreadyTriggered,

    /// <summary>Another caller holds a live claim; it triggers, or the watchdog re-drives once the lease ends.</summary>
    ClaimedElsewhere,

    /// <summary>This call claimed the tally but the trigger failed or timed out; the claim stays, and the watchdog or a redelivery re-drives it after the lease.</summary>
    TriggerFailed,
}
