namespace Pax.Orchestration.Scheduling;

/// <summary>Records that a handler is registered for <see cref="Type"/> (added by <c>AddScheduledJobHandler</c>; lists the types <c>POST /jobs</c> accepts).</summary>
/// <param name="Type">The job type.</param>
public sealed record ScheduledJobHandlerRegistration(string Type);
