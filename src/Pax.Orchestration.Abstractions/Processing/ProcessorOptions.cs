namespace Pax.Orchestration.Processing;

/// <summary>
/// A processor's settings, bound from <see cref="SectionName"/> (such as <c>appsettings.json</c>) by
/// <see cref="ProcessorHost"/>; each also has a <c>PAX_*</c> environment variable, which wins (Cloud Run Jobs are
/// configured that way). Validated before the work runs: a missing or malformed value is one line naming the key
/// and exit code <see cref="ProcessorExitCodes.InvalidSettings"/>.
/// </summary>
public sealed class ProcessorOptions
{
    /// <summary>The configuration section: <c>Pax:Processor</c>.</summary>
    public const string SectionName = "Pax:Processor";

    /// <summary>
    /// Gets or sets the name this processor reports under (<c>PAX_PROCESSOR</c>). It must be one of the processors the
    /// orchestrator's phase lists (<c>Pax:Orchestration:Phases:N:Processors</c>): a report from any other name is
    /// rejected and the phase never completes.
    /// </summary>
    /// <value>Required; 1–200 characters, not starting with <c>_</c>.</value>
    public string? Name { get; set; }

    /// <summary>Gets or sets the phase this processor reports for (<c>PAX_COMPLETION_PHASE</c>).</summary>
    /// <value>Optional when the orchestrator tallies one phase; letters, digits, <c>_</c> and <c>-</c>.</value>
    public string? Phase { get; set; }

    /// <summary>Gets or sets the orchestrator's completions topic the report is published to (<c>PAX_COMPLETION_TOPIC</c>).</summary>
    /// <value>Required: <c>projects/PROJECT/topics/TOPIC</c>.</value>
    public string? CompletionTopic { get; set; }

    /// <summary>
    /// Gets or sets this processor's Cloud Run job (<c>PAX_JOB</c>), <c>projects/P/locations/R/jobs/J</c>. When set, a
    /// task that Pax's Cloud Run Job trigger started (<c>PAX_IDEMPOTENCY_KEY</c>) first lists the job's executions and,
    /// when one created earlier carries the same idempotency key and has not failed or been cancelled, leaves the work
    /// to it and exits 0 without reporting. The job's own service account needs <c>run.executions.list</c> on the job
    /// (<c>roles/run.viewer</c>); when the list cannot be read the work runs anyway, after a warning naming the role.
    /// </summary>
    /// <value>Optional; default none (no check).</value>
    public string? Job { get; set; }
}
