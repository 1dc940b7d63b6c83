namespace Pax.Orchestration.Processing;

/// <summary>
/// The exit codes of a processor run by <see cref="ProcessorHost"/>. Every non-zero code makes Cloud Run retry the task
/// (up to the job's <c>maxRetries</c>); every failure ends with one line that names the cause — <c>error: …</c> on
/// standard error, or on Cloud Run one <c>CRITICAL</c> JSON entry on standard output — never a stack trace.
/// </summary>
public static class ProcessorExitCodes
{
    /// <summary>The work succeeded and <c>succeeded</c> was reported (or an earlier execution started for the same idempotency key does the work).</summary>
    public const int Succeeded = 0;

    /// <summary>The work failed, threw or was cancelled (SIGTERM at the task timeout or a cancelled execution, Ctrl+C), and <c>failed</c> was reported with the reason.</summary>
    public const int WorkFailed = 1;

    /// <summary>
    /// Nothing ran: a setting is missing or wrong (<c>PAX_RUN_KEY</c>, the <c>Pax:Processor</c> section or its
    /// <c>PAX_*</c> variables, the <c>GoogleCloud</c> section), or the host could not be built.
    /// </summary>
    public const int InvalidSettings = 2;

    /// <summary>
    /// The work ran but its completion was not published, so the orchestrator does not know of it: the completions topic
    /// does not exist, this processor's identity may not publish to it, Pub/Sub could not be reached, or it did not
    /// answer within the grace Cloud Run leaves after SIGTERM. The retried task publishes again.
    /// </summary>
    public const int NotReported = 3;
}
