namespace Pax.Orchestration.Completion.Triggers.Internal;

/// <summary>A next-phase handler's name, registered by <c>AddNextPhaseHandler</c> so the options validator can check <c>Trigger:Handler</c> at startup.</summary>
/// <param name="Name">The handler's name.</param>
internal sealed record NextPhaseHandlerRegistration(string Name);
