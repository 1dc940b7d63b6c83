namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// The body of a <c>201</c> to <c>POST /jobs</c> when the stored job could not be written back in full: the job is
/// stored, so the caller must still learn its id (a 500 would make a client that sent no id store another job on retry).
/// </summary>
internal sealed record JobStoredReference(string Id, string Note);
