using System.Globalization;
using Pax.GoogleCloud.Run;

namespace Pax.Orchestration.Processing.Internal;

/// <summary>
/// The receiving side's guard against a second execution for one idempotency key. Pax.Orchestration's Cloud Run Job
/// trigger already starts no second execution on a re-drive; this closes the gap it leaves (an earlier <c>jobs:run</c>
/// that landed after the re-drive looked): of all executions carrying one key that have not failed or been cancelled
/// (<see cref="CloudRunExecution.FailedOrCancelled"/>: such an execution did not do the work), the one created first
/// works and the others step aside. A still-running earlier execution is trusted.
/// </summary>
internal static class EarlierExecutionCheck
{
    /// <summary>The most executions looked through (newest first), as the trigger's re-drive: 1,000, what Cloud Run keeps beyond seven days.</summary>
    public const int MaxExecutionsExamined = 1000;

    private const int PageSize = 100;

    /// <summary>Returns the full name of the earliest execution carrying <paramref name="idempotencyKey"/> when it is not <paramref name="execution"/>, else <see langword="null"/>.</summary>
    /// <param name="jobs">The Cloud Run client.</param>
    /// <param name="job">The job: <c>projects/P/locations/R/jobs/J</c>.</param>
    /// <param name="idempotencyKey">This execution's <c>PAX_IDEMPOTENCY_KEY</c>.</param>
    /// <param name="execution">This execution's short name (<c>CLOUD_RUN_EXECUTION</c>, such as <c>phase3-x7k2p</c>).</param>
    /// <param name="cancellationToken">Cancels the list.</param>
    public static async Task<string?> FindAsync(CloudRunJobsClient jobs, string job, string idempotencyKey, string execution, CancellationToken cancellationToken)
    {
        var carrying = new List<CloudRunExecution>();
        string? pageToken = null;
        var examined = 0;
        do
        {
            var page = await jobs.ListExecutionsAsync(job, PageSize, pageToken, cancellationToken).ConfigureAwait(false);
            carrying.AddRange(page.Executions.Where(e => !e.FailedOrCancelled && string.Equals(e.FindEnv(PhaseHandover.IdempotencyKeyVariable), idempotencyKey, StringComparison.Ordinal)));
            examined += page.Executions.Count;
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken) && examined < MaxExecutionsExamined);

        var first = carrying.OrderBy(CreatedAt).ThenBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault();
        return first?.Name is { } name && !name.EndsWith("/executions/" + execution, StringComparison.Ordinal) ? name : null;
    }

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
}
