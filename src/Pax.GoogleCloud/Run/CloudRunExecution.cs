using System.Text.Json.Serialization;
using Pax.GoogleCloud.Run.Internal;

namespace Pax.GoogleCloud.Run;

/// <summary>
/// A Cloud Run job execution as the Admin API v2 shows it (<c>google.cloud.run.v2.Execution</c>), reduced to what Pax
/// reads: its name, when it was created and finished, and <see cref="Template"/>, "the template used to create tasks
/// for this execution" — the job's containers with a run's overrides applied, so an overridden environment variable
/// shows there (google/cloud/run/v2/execution.proto, field <c>template</c>).
/// </summary>
internal sealed class CloudRunExecution
{
    /// <summary>Gets or sets the name: <c>projects/{p}/locations/{l}/jobs/{j}/executions/{j}-{suffix}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets when the execution was acknowledged (RFC 3339, as sent).</summary>
    public string? CreateTime { get; set; }

    /// <summary>Gets or sets when the execution completed (RFC 3339, as sent), or <see langword="null"/> while it runs.</summary>
    public string? CompletionTime { get; set; }

    /// <summary>Gets or sets how many tasks failed all their attempts (<c>failedCount</c>); more than zero means the execution fails.</summary>
    public int? FailedCount { get; set; }

    /// <summary>Gets or sets how many tasks were cancelled (<c>cancelledCount</c>).</summary>
    public int? CancelledCount { get; set; }

    /// <summary>
    /// Gets a value indicating whether the execution failed or was cancelled, or will: a task that failed all its
    /// attempts or was cancelled fails the whole execution (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs.executions:
    /// <c>failedCount</c>, <c>cancelledCount</c>), and an execution can fail before any task ran (its image could not be
    /// pulled, say), which no task count shows: then its <c>Completed</c> condition (<c>conditions</c>, "detailed error
    /// information in case it did not reach the desired state") is <c>CONDITION_FAILED</c>, or, once the execution has a
    /// completion time, anything but <c>CONDITION_SUCCEEDED</c>. A running execution without a failed task is not.
    /// </summary>
    public bool FailedOrCancelled => FailedCount > 0 || CancelledCount > 0 || CompletedUnsuccessfully;

    /// <summary>Gets or sets the execution's conditions (<c>conditions</c>: <c>ResourcesAvailable</c>, <c>Started</c>, <c>Completed</c>).</summary>
    [JsonInclude]
    internal List<CloudRunCondition>? Conditions { get; set; }

    /// <summary>Gets the execution's ready condition, <c>Completed</c>, or <see langword="null"/> when it has none.</summary>
    internal CloudRunCondition? CompletedCondition =>
        Conditions?.FirstOrDefault(c => string.Equals(c.Type, CloudRunCondition.Completed, StringComparison.Ordinal));

    private bool CompletedUnsuccessfully =>
        CompletedCondition is { } completed
        && (string.Equals(completed.State, CloudRunCondition.Failed, StringComparison.Ordinal)
            || (CompletionTime is not null && !string.Equals(completed.State, CloudRunCondition.Succeeded, StringComparison.Ordinal)));

    /// <summary>Gets or sets the task template the execution runs.</summary>
    public CloudRunTaskTemplate? Template { get; set; }

    /// <summary>Returns the value of environment variable <paramref name="name"/> in the execution's containers (the first container that sets it).</summary>
    /// <param name="name">The variable's name, such as <c>PAX_IDEMPOTENCY_KEY</c>.</param>
    /// <returns>The value, or <see langword="null"/> when no container sets it with a literal value.</returns>
    public string? FindEnv(string name) =>
        Template?.Containers?.SelectMany(c => c.Env ?? []).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal))?.Value;
}
