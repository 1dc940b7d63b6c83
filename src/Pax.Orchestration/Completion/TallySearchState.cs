namespace Pax.Orchestration.Completion;

/// <summary>Which tallies <see cref="TallySearch"/> keeps, by their trigger's state.</summary>
public enum TallySearchState
{
    /// <summary>Every state.</summary>
    Any,

    /// <summary>Open: not complete yet, or complete and not claimed.</summary>
    Open,

    /// <summary>Claimed: an instance holds the trigger's claim (or held it and its lease ended unmarked).</summary>
    Claimed,

    /// <summary>Triggered: the next phase was started.</summary>
    Triggered,

    /// <summary>Not triggered yet (open or claimed): with <see cref="TallySearch.Until"/> at now minus the phase's deadline, the candidates for "overdue".</summary>
    Untriggered,

    /// <summary>
    /// The last trigger attempt failed and the tally is not triggered yet (<see cref="StoredTally.LastTriggerError"/> is set);
    /// ordered and ranged by that failure's time instead of the first report's.
    /// </summary>
    TriggerFailed,
}
