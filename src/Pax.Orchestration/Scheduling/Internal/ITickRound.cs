namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>One round of a tick: finds due jobs, claims and runs some. A tick runs rounds until one says stop.</summary>
internal interface ITickRound
{
    /// <summary>Runs a round; returns whether another may find more (it claimed something).</summary>
    Task<bool> RunAsync(TickCounters counters, CancellationToken tickToken);
}
