using System.Text.Json;

namespace Pax.Orchestration.Scheduling;

/// <summary>
/// Runs jobs of one type. Register it with <c>services.AddScheduledJobHandler&lt;THandler&gt;("type")</c>. A handler
/// returns to succeed and throws to fail (the job is retried with backoff, then marked failed). Its cancellation token
/// fires before the job's lease ends (when the lease could not be renewed or was lost), when the tick's time budget
/// ends, and when the tick is aborted: stop promptly, the job is then released or re-claimed later. A run may repeat
/// after a crash, so make side effects idempotent with <see cref="ScheduledJobContext.IdempotencyKey"/>.
/// </summary>
public interface IScheduledJobHandler
{
    /// <summary>Runs one occurrence of a job.</summary>
    /// <param name="context">The job and the occurrence.</param>
    /// <param name="cancellationToken">Fires before the lease ends, at the end of the tick's budget, or when the tick is aborted.</param>
    /// <returns>A task that completes when the job has run.</returns>
    Task ExecuteAsync(ScheduledJobContext context, CancellationToken cancellationToken);

    /// <summary>Checks a payload when a job is created, so a bad one is refused (HTTP 400) instead of failing at every run.</summary>
    /// <param name="payload">The job's payload (a JSON object).</param>
    /// <returns>The reason it is not acceptable, or <see langword="null"/>. The default accepts every payload.</returns>
    string? ValidatePayload(JsonElement payload) => null;
}
