namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// Marks a store that keeps phases wider than <see cref="CompletionLimits.MaxNarrowFanIn"/> in the wide layout (one
/// record per report, counted). Only the built-in stores do; startup refuses a wide phase on any other store rather than
/// fail at a report (<see cref="Completion.Internal.OrchestrationStartup"/>).
/// </summary>
internal interface IWideTallyStore;
