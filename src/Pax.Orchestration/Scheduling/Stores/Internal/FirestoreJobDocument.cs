using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling.Stores.Internal;

/// <summary>
/// The Firestore layout of a job: document id = job id, fields <c>type</c>, <c>payload</c> (map), <c>schedule_at</c>,
/// <c>status</c>, <c>lease_until</c>, <c>attempts</c>, <c>max_attempts</c>, <c>last_error</c>, <c>cron</c>,
/// <c>time_zone</c>, <c>updated_at</c> (timestamps as Firestore timestamps), plus <c>misfire</c>, <c>created_at</c>
/// <c>occurrence_at</c> (the occurrence being retried), <c>lease_holder</c> (who holds a running claim) and <c>shard</c>
/// (<see cref="ScheduledJob.Shard"/>; documents stored before it lack it until they are next due or written) and
/// <c>history</c> (<see cref="JobHistoryFields"/>).
/// </summary>
internal static class FirestoreJobDocument
{
    public const string Type = "type";
    public const string Payload = "payload";
    public const string ScheduleAt = "schedule_at";
    public const string Status = "status";
    public const string LeaseUntil = "lease_until";
    public const string Attempts = "attempts";
    public const string MaxAttempts = "max_attempts";
    public const string LastError = "last_error";
    public const string Cron = "cron";
    public const string TimeZone = "time_zone";
    public const string Misfire = "misfire";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
    public const string OccurrenceAt = "occurrence_at";
    public const string LeaseHolder = "lease_holder";
    public const string Shard = "shard";
    public const string History = "history";

    private const int DefaultMaxAttempts = 5;

    public static readonly List<string> FieldPaths =
        [Type, Payload, ScheduleAt, Status, LeaseUntil, Attempts, MaxAttempts, LastError, Cron, TimeZone, Misfire, CreatedAt, UpdatedAt, OccurrenceAt, LeaseHolder, Shard, History];

    public static Dictionary<string, FirestoreValue> Fields(ScheduledJob job) => new(StringComparer.Ordinal)
    {
        [Type] = FirestoreValue.String(job.Type),
        [Payload] = FirestoreJson.ToValue(job.Payload),
        [ScheduleAt] = FirestoreValue.Timestamp(job.ScheduleAt),
        [Status] = FirestoreValue.String(JobStatusText.Of(job.Status)),
        [LeaseUntil] = job.LeaseUntil is { } lease ? FirestoreValue.Timestamp(lease) : FirestoreValue.Null(),
        [Attempts] = FirestoreValue.Integer(job.Attempts),
        [MaxAttempts] = FirestoreValue.Integer(job.MaxAttempts),
        [LastError] = OptionalString(job.LastError),
        [Cron] = OptionalString(job.Cron),
        [TimeZone] = OptionalString(job.TimeZone),
        [Misfire] = FirestoreValue.String(JobStatusText.Of(job.Misfire)),
        [CreatedAt] = FirestoreValue.Timestamp(job.CreatedAt),
        [UpdatedAt] = FirestoreValue.Timestamp(job.UpdatedAt),
        [OccurrenceAt] = job.OccurrenceAt is { } occurrence ? FirestoreValue.Timestamp(occurrence) : FirestoreValue.Null(),
        [LeaseHolder] = OptionalString(job.LeaseHolder),
        [Shard] = FirestoreValue.Integer(job.Shard),
        [History] = JobHistoryFields.ToFirestore(job.History),
    };

    /// <summary>Returns whether <paramref name="document"/> carries its <c>shard</c> (written by a version with shards).</summary>
    public static bool HasShard(FirestoreDocument document) => document.Fields?.GetValueOrDefault(Shard)?.AsInteger() is not null;

    /// <summary>Reads a job document.</summary>
    /// <exception cref="FormatException">A required field is missing or has the wrong type.</exception>
    public static ScheduledJob Read(FirestoreDocument document)
    {
        var fields = document.Fields ?? [];
        var id = document.Name![(document.Name!.LastIndexOf('/') + 1)..];
        var updatedAt = Timestamp(fields, UpdatedAt, id);
        return new ScheduledJob
        {
            Id = id,
            Type = Text(fields, Type) ?? throw Missing(id, Type),
            Payload = FirestoreJson.ToJson(fields.GetValueOrDefault(Payload)),
            ScheduleAt = Timestamp(fields, ScheduleAt, id),
            Status = JobStatusText.ParseStatus(Text(fields, Status)),
            LeaseUntil = fields.GetValueOrDefault(LeaseUntil)?.AsTimestamp(),
            Attempts = (int)(fields.GetValueOrDefault(Attempts)?.AsInteger() ?? 0),
            MaxAttempts = (int)(fields.GetValueOrDefault(MaxAttempts)?.AsInteger() ?? DefaultMaxAttempts),
            LastError = Text(fields, LastError),
            Cron = Text(fields, Cron),
            TimeZone = Text(fields, TimeZone),
            Misfire = JobStatusText.ParseMisfire(Text(fields, Misfire)),
            CreatedAt = fields.GetValueOrDefault(CreatedAt)?.AsTimestamp() ?? updatedAt,
            UpdatedAt = updatedAt,
            OccurrenceAt = fields.GetValueOrDefault(OccurrenceAt)?.AsTimestamp(),
            LeaseHolder = Text(fields, LeaseHolder),
            History = JobHistoryFields.FromFirestore(fields.GetValueOrDefault(History)),
            Version = document.UpdateTime,
        };
    }

    /// <summary>Returns whether <paramref name="document"/> holds exactly the write of <paramref name="job"/> (its update stamp, status and lease).</summary>
    public static bool IsThisWrite(FirestoreDocument document, ScheduledJob job)
    {
        var fields = document.Fields ?? [];
        var written = AsStored(job, null);
        return fields.GetValueOrDefault(UpdatedAt)?.AsTimestamp() == written.UpdatedAt
            && fields.GetValueOrDefault(Status)?.StringValue == JobStatusText.Of(job.Status)
            && fields.GetValueOrDefault(LeaseUntil)?.AsTimestamp() == written.LeaseUntil
            && fields.GetValueOrDefault(Attempts)?.AsInteger() == job.Attempts;
    }

    /// <summary>Returns <paramref name="job"/> as a read would give it back: times at microsecond precision, with <paramref name="version"/>.</summary>
    public static ScheduledJob AsStored(ScheduledJob job, string? version) => job with
    {
        ScheduleAt = Micros(job.ScheduleAt),
        LeaseUntil = job.LeaseUntil is { } lease ? Micros(lease) : null,
        OccurrenceAt = job.OccurrenceAt is { } occurrence ? Micros(occurrence) : null,
        CreatedAt = Micros(job.CreatedAt),
        UpdatedAt = Micros(job.UpdatedAt),
        Version = version,
    };

    private static DateTimeOffset Micros(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private static FirestoreValue OptionalString(string? value) => value is null ? FirestoreValue.Null() : FirestoreValue.String(value);

    private static string? Text(Dictionary<string, FirestoreValue> fields, string name) => fields.GetValueOrDefault(name)?.StringValue;

    private static DateTimeOffset Timestamp(Dictionary<string, FirestoreValue> fields, string name, string id) =>
        fields.GetValueOrDefault(name)?.AsTimestamp() ?? throw Missing(id, name);

    private static FormatException Missing(string id, string field) => new($"Job document '{id}' has no valid '{field}'.");
}
