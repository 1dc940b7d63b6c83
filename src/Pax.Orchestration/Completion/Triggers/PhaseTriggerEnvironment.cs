using System.Globalization;
using Pax.GoogleCloud.Run;

namespace Pax.Orchestration.Completion.Triggers;

/// <summary>
/// The receiving side of <see cref="CloudRunJobTrigger"/>, for a job written with Pax: what the trigger set in the
/// execution's environment (<c>PAX_PHASE</c>, <c>PAX_RUN_KEY</c>, <c>PAX_IDEMPOTENCY_KEY</c>) and what Cloud Run set
/// (<c>CLOUD_RUN_JOB</c>, <c>CLOUD_RUN_EXECUTION</c>), and a check for an earlier execution started for the same
/// idempotency key. The trigger already avoids a second execution on a re-drive; the check closes the gap it leaves
/// (an earlier <c>jobs:run</c> that landed after the re-drive looked): of all executions carrying one key, the one
/// created first is the one that works, and the others exit early.
/// </summary>
/// <param name="Phase">The completed phase (<c>PAX_PHASE</c>).</param>
/// <param name="RunKey">The run key (<c>PAX_RUN_KEY</c>).</param>
/// <param name="IdempotencyKey">The idempotency key (<c>PAX_IDEMPOTENCY_KEY</c>).</param>
/// <param name="Execution">This execution's short name (<c>CLOUD_RUN_EXECUTION</c>, such as <c>phase3-x7k2p</c>), or <see langword="null"/> outside Cloud Run.</param>
public sealed record PhaseTriggerEnvironment(string Phase, string RunKey, string IdempotencyKey, string? Execution)
{
    /// <summary>Reads the process environment.</summary>
    /// <returns>The trigger's values, or <see langword="null"/> when <c>PAX_IDEMPOTENCY_KEY</c> is not set (the job was not started by a Pax trigger).</returns>
    public static PhaseTriggerEnvironment? FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the trigger's values through <paramref name="read"/>.</summary>
    /// <param name="read">Returns an environment variable's value, or <see langword="null"/>.</param>
    /// <returns>The trigger's values, or <see langword="null"/> when <c>PAX_IDEMPOTENCY_KEY</c> is not set.</returns>
    public static PhaseTriggerEnvironment? From(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var key = read(CloudRunJobTrigger.IdempotencyKeyVariable);
        return string.IsNullOrEmpty(key)
            ? null
            : new PhaseTriggerEnvironment(read("PAX_PHASE") ?? string.Empty, read("PAX_RUN_KEY") ?? string.Empty, key, NullIfEmpty(read("CLOUD_RUN_EXECUTION")));
    }

    /// <summary>
    /// Looks through the job's executions (newest <see cref="CloudRunJobTrigger.MaxExecutionsExamined"/>) for those whose
    /// template env carries this <see cref="IdempotencyKey"/> and that did not fail or get cancelled
    /// (<see cref="CloudRunExecution.FailedOrCancelled"/>: such an execution did not do the work), and returns the one
    /// created first when it is not this execution (ties broken by name). A still-running earlier execution is trusted. The job's own service account needs <c>run.executions.list</c> on the job
    /// (<c>roles/run.viewer</c>).
    /// </summary>
    /// <param name="jobs">The Cloud Run client from DI.</param>
    /// <param name="job">This job's full name: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The earlier execution to leave the work to, or <see langword="null"/> when this one is the first (or the only one).</returns>
    /// <exception cref="InvalidOperationException"><see cref="Execution"/> is not known (not running on Cloud Run).</exception>
    internal async Task<CloudRunExecution?> FindEarlierExecutionAsync(CloudRunJobsClient jobs, string job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (Execution is null)
        {
            throw new InvalidOperationException("CLOUD_RUN_EXECUTION is not set: the check needs to know which execution this is.");
        }

        var carrying = new List<CloudRunExecution>();
        string? pageToken = null;
        var examined = 0;
        do
        {
            var page = await jobs.ListExecutionsAsync(job, 100, pageToken, cancellationToken).ConfigureAwait(false);
            carrying.AddRange(page.Executions.Where(e => !e.FailedOrCancelled && string.Equals(e.FindEnv(CloudRunJobTrigger.IdempotencyKeyVariable), IdempotencyKey, StringComparison.Ordinal)));
            examined += page.Executions.Count;
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken) && examined < CloudRunJobTrigger.MaxExecutionsExamined);

        var first = carrying.OrderBy(e => CreatedAt(e)).ThenBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault();
        return first is null || IsThis(first) ? null : first;
    }

    private bool IsThis(CloudRunExecution execution) =>
        execution.Name is { } name && name.EndsWith("/executions/" + Execution, StringComparison.Ordinal);

    // RFC 3339 with up to nine fractional digits; .NET parses seven.
    private static DateTimeOffset CreatedAt(CloudRunExecution execution)
    {
        var text = execution.CreateTime ?? string.Empty;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var end = dot < 0 ? -1 : text.IndexOfAny(['Z', 'z', '+', '-'], dot);
        if (dot >= 0 && end > dot + 8)
        {
            text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MaxValue;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
