using Microsoft.Extensions.Logging;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// The scheduler's log events (stable ids 4101–4199). Events whose values can come from outside (request paths and
/// reasons, delivery keys, handler errors, stored document names) are logged through wrappers that escape them with
/// <see cref="LogText"/>.
/// </summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Claimed job {JobId} ({Type}, attempt {Attempt}/{MaxAttempts}) until {LeaseUntil:O}")]
    public static partial void Claimed(ILogger logger, string jobId, string type, int attempt, int maxAttempts, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Job {JobId} already claimed")]
    public static partial void AlreadyClaimed(ILogger logger, string jobId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Job {JobId} succeeded in {ElapsedMs:F0} ms; {Next}")]
    public static partial void Succeeded(ILogger logger, string jobId, double elapsedMs, string next);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Job {JobId} failed (attempt {Attempt}/{MaxAttempts}); retry at {RetryAt:O}")]
    public static partial void WillRetry(ILogger logger, Exception? exception, string jobId, int attempt, int maxAttempts, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 4105, EventName = "GaveUp", Level = LogLevel.Error, Message = "Job {JobId} failed after {Attempts} attempt(s): {Error}; {Next}")]
    private static partial void LogGaveUp(ILogger logger, Exception? exception, string jobId, int attempts, string error, string next);

    public static void GaveUp(ILogger logger, Exception? exception, string jobId, int attempts, string error, string next) =>
        LogGaveUp(logger, exception, LogText.Escape(jobId), attempts, LogText.Escape(error), LogText.Escape(next));

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Job {JobId} lost its lease (another tick changed it); its result is not recorded")]
    public static partial void LeaseLost(ILogger logger, string jobId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Renewing the lease of job {JobId} failed; retrying until the lease runs out")]
    public static partial void RenewalFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 4108, EventName = "DuplicateDelivery", Level = LogLevel.Information, Message = "Tick delivery {DeliveryKey} was handled already; nothing runs twice")]
    private static partial void LogDuplicateDelivery(ILogger logger, string deliveryKey);

    public static void DuplicateDelivery(ILogger logger, string deliveryKey) =>
        LogDuplicateDelivery(logger, LogText.Escape(deliveryKey));

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "Tick done in {DurationMs:F0} ms: checked {Checked}, claimed {Claimed}, executed {Executed}, succeeded {Succeeded}, failed {Failed}, already claimed {SkippedClaimed}, misfires skipped {MisfireSkipped}, shards busy {ShardsBusy}")]
    public static partial void TickDone(ILogger logger, double durationMs, int @checked, int claimed, int executed, int succeeded, int failed, int skippedClaimed, int misfireSkipped, int shardsBusy);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Job {JobId} skipped its missed occurrence(s) since {ScheduledFor:O} (misfire policy skip); next at {Next:O}")]
    public static partial void MisfireSkipped(ILogger logger, string jobId, DateTimeOffset scheduledFor, DateTimeOffset? next);

    [LoggerMessage(EventId = 4111, EventName = "Interrupted", Level = LogLevel.Warning, Message = "Job {JobId} was interrupted ({Reason}); released for a later tick")]
    private static partial void LogInterrupted(ILogger logger, string jobId, string reason);

    public static void Interrupted(ILogger logger, string jobId, string reason) =>
        LogInterrupted(logger, LogText.Escape(jobId), LogText.Escape(reason));

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Created job {JobId} ({Type}) due at {ScheduleAt:O}")]
    public static partial void Created(ILogger logger, string jobId, string type, DateTimeOffset scheduleAt);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Error, Message = "Writing the outcome of job {JobId} failed; it is re-claimed after its lease")]
    public static partial void FinishFailed(ILogger logger, Exception exception, string jobId);

    // Named explicitly (the logging generator wants explicit event names unique across the assembly; 4008 is "Unauthenticated").
    [LoggerMessage(EventId = 4114, EventName = "SchedulerUnauthenticated", Level = LogLevel.Warning, Message = "Scheduler request to {Path} not authenticated ({Mode}): {Reason}")]
    private static partial void LogUnauthenticated(ILogger logger, string path, string mode, string reason);

    public static void Unauthenticated(ILogger logger, string path, string mode, string reason) =>
        LogUnauthenticated(logger, LogText.Escape(path), LogText.Escape(mode), LogText.Escape(reason));

    [LoggerMessage(EventId = 4115, Level = LogLevel.Error, Message = "Job store unavailable; answering 503 so Cloud Scheduler retries")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Warning, Message = "Claiming job {JobId} failed; it stays due for a later tick")]
    public static partial void ClaimFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 4117, EventName = "UnreadableJob", Level = LogLevel.Error, Message = "Job document {Document} is not readable and is skipped by every tick until fixed")]
    private static partial void LogUnreadableJob(ILogger logger, Exception exception, string document);

    public static void UnreadableJob(ILogger logger, Exception exception, string document) =>
        LogUnreadableJob(logger, exception, LogText.Escape(document));

    [LoggerMessage(EventId = 4118, EventName = "ReleaseFailed", Level = LogLevel.Warning, Message = "Forgetting tick delivery {DeliveryKey} after the tick failed did not work; its retry will be taken for a repeat")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string deliveryKey);

    public static void ReleaseFailed(ILogger logger, Exception exception, string deliveryKey) =>
        LogReleaseFailed(logger, exception, LogText.Escape(deliveryKey));

    [LoggerMessage(EventId = 4119, EventName = "AheadOfSchedule", Level = LogLevel.Information, Message = "Tick delivery {DeliveryKey} arrived at {Now:O}, before its schedule time {ScheduleTime:O} (a force run?): running it without recording it, so the scheduled tick still runs")]
    private static partial void LogAheadOfSchedule(ILogger logger, string deliveryKey, DateTimeOffset scheduleTime, DateTimeOffset now);

    public static void AheadOfSchedule(ILogger logger, string deliveryKey, DateTimeOffset scheduleTime, DateTimeOffset now) =>
        LogAheadOfSchedule(logger, LogText.Escape(deliveryKey), scheduleTime, now);

    [LoggerMessage(EventId = 4120, EventName = "Failed", Level = LogLevel.Error, Message = "Scheduler request to {Path} failed; answering 500 without details")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);

    public static void Failed(ILogger logger, Exception exception, string path) =>
        LogFailed(logger, exception, LogText.Escape(path));

    [LoggerMessage(EventId = 4121, EventName = "CreatedAnswerIncomplete", Level = LogLevel.Error, Message = "Job {JobId} was stored but could not be written back in full; answering 201 with its id only (GET /jobs/{JobId} reads it)")]
    private static partial void LogCreatedAnswerIncomplete(ILogger logger, Exception exception, string jobId);

    public static void CreatedAnswerIncomplete(ILogger logger, Exception exception, string jobId) =>
        LogCreatedAnswerIncomplete(logger, exception, LogText.Escape(jobId)!);

    [LoggerMessage(EventId = 4122, EventName = "ShardIndexMissing", Level = LogLevel.Error,
        Message = "Firestore refused to list one shard's due jobs in {Collection}: the composite indexes (status, shard, schedule_at) and (status, shard, lease_until) are missing or still building. Until they exist, ticks pick a shard's jobs from all due jobs (fewer per tick). Create them (samples/Pax.Orchestrator.Function/deploy/deploy.sh does): "
            + "gcloud firestore indexes composite create --project={Project} --collection-group={Collection} --query-scope=COLLECTION --field-config=field-path=status,order=ascending --field-config=field-path=shard,order=ascending --field-config=field-path=schedule_at,order=ascending --async; "
            + "gcloud firestore indexes composite create --project={Project} --collection-group={Collection} --query-scope=COLLECTION --field-config=field-path=status,order=ascending --field-config=field-path=shard,order=ascending --field-config=field-path=lease_until,order=ascending --async")]
    private static partial void LogShardIndexMissing(ILogger logger, Exception exception, string collection, string project);

    public static void ShardIndexMissing(ILogger logger, Exception exception, string collection, string project) =>
        LogShardIndexMissing(logger, exception, LogText.Escape(collection)!, LogText.Escape(project)!);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Warning, Message = "Taking or giving back the lease of shard {Shard} failed; its jobs are left to a later round (a lease not given back ends by itself after the job lease)")]
    public static partial void ShardLeaseFailed(ILogger logger, Exception exception, int shard);
}
