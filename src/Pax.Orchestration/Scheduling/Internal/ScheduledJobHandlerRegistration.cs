namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Records that a handler is registered for <see cref="Type"/> (added by <c>AddScheduledJobHandler</c>; lists the types <c>POST /jobs</c> accepts).</summary>
/// <param name="Type">The job type.</param>
internal sealed record ScheduledJobHandlerRegistration(string Type);
