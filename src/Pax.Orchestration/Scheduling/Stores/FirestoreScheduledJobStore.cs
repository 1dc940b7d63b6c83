using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Scheduling.Stores.Internal.FirestoreJobDocument;

namespace Pax.Orchestration.Scheduling.Stores;

/// <summary>
/// Jobs in Firestore, collection <c>scheduler_jobs</c> (document id = job id; fields as the layout in the README).
/// A job's version is its document's <c>updateTime</c>: every change is a commit with an <c>updateTime</c>
/// precondition, so one writer wins each claim, renewal and completion. Due jobs are found with two queries
/// (<c>status == pending AND schedule_at &lt;= now</c>, <c>status == running AND lease_until &lt;= now</c>), which
/// need composite indexes (<c>status, schedule_at</c>) and (<c>status, lease_until</c>) on Firestore; the deploy
/// script creates them. Handled tick deliveries are documents in <c>scheduler_ticks</c> with an <c>expire_at</c>
/// field for a TTL policy. A commit met by contention (409 <c>ABORTED</c>) is retried with backoff
/// (<see cref="SchedulingFirestoreOptions.ConflictRetry"/>: exponential with jitter, bounded in total time).
/// </summary>
public sealed class FirestoreScheduledJobStore : IScheduledJobStore, IScheduledJobStoreQueries
{
    private const int MaxAbortedRetries = 5;
    private static readonly TimeSpan TickRetention = TimeSpan.FromDays(7);
    private readonly FirestoreClient _client;
    private readonly string _projectId;
    private readonly string _collection;
    private readonly string _ticks;
    private readonly ILogger _logger;
    private readonly FirestoreConflictRetryOptions _conflictRetry;
    private readonly TimeProvider _time;

    /// <summary>Initializes a store in <see cref="SchedulingFirestoreOptions.ProjectId"/>'s <c>(default)</c> database.</summary>
    /// <param name="client">The Firestore client from DI.</param>
    /// <param name="options">The scheduling options.</param>
    /// <param name="logger">Where unreadable job documents are reported (they are skipped); <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock of the contention backoff; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="InvalidOperationException">No project id is configured.</exception>
    internal FirestoreScheduledJobStore(
        FirestoreClient client, IOptions<SchedulingOptions> options, ILogger<FirestoreScheduledJobStore>? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        var firestore = options.Value.Firestore;
        _projectId = firestore.ProjectId is { Length: > 0 } project
            ? project
            : throw new InvalidOperationException($"{SchedulingOptions.SectionName}:Firestore:ProjectId (or GOOGLE_CLOUD_PROJECT) is required for the Firestore store.");
        _collection = firestore.Collection;
        _ticks = firestore.TicksCollection;
        _conflictRetry = firestore.ConflictRetry;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the project whose database holds the jobs.</summary>
    internal string ProjectId => _projectId;

    /// <inheritdoc />
    public async Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var result = await CommitAsync(job, FirestorePrecondition.MustNotExist(), cancellationToken).ConfigureAwait(false);
            return Doc.AsStored(job, result.WriteResults?.FirstOrDefault()?.UpdateTime);
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.AlreadyExists)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _client.GetDocumentAsync(Name(id), cancellationToken).ConfigureAwait(false);
        return document is null ? null : Doc.Read(document);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var pending = QueryAsync("pending", Doc.ScheduleAt, now, limit, cancellationToken);
        var expired = QueryAsync("running", Doc.LeaseUntil, now, limit, cancellationToken);
        var found = (await pending.ConfigureAwait(false)).Concat(await expired.ConfigureAwait(false));
        return found.OrderBy(j => j.ScheduleAt).Take(limit).ToList();
    }

    /// <inheritdoc />
    public async Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (string.IsNullOrEmpty(job.Version))
        {
            throw new ArgumentException($"Job '{job.Id}' carries no version (updateTime); read it from the store first.", nameof(job));
        }

        var backoff = new ConflictBackoff(_conflictRetry, _time);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await CommitAsync(job, FirestorePrecondition.UnchangedSince(job.Version), cancellationToken).ConfigureAwait(false);
                return Doc.AsStored(job, result.WriteResults?.FirstOrDefault()?.UpdateTime);
            }
            catch (GoogleApiException ex) when (ex.Status is FirestoreErrorStatus.FailedPrecondition or FirestoreErrorStatus.NotFound)
            {
                return null;
            }
            catch (Exception ex) when (ex is GoogleApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // ABORTED (contention) or an answer that never came: the commit may or may not have applied. Read the
                // document: ours if it carries this write, still the version we hold (try again), or another writer's.
                var current = await _client.GetDocumentAsync(Name(job.Id), cancellationToken).ConfigureAwait(false);
                if (current is not null && Doc.IsThisWrite(current, job))
                {
                    return Doc.AsStored(job, current.UpdateTime);
                }

                if (current?.UpdateTime != job.Version)
                {
                    return null;
                }

                if (attempt >= MaxAbortedRetries || !await backoff.WaitAsync(attempt, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        var id = TickId(deliveryKey);
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            ["delivery_key"] = FirestoreValue.String(deliveryKey),
            ["recorded_at"] = FirestoreValue.Timestamp(now),
            ["expire_at"] = FirestoreValue.Timestamp(now + TickRetention),
        };
        var write = new FirestoreWrite
        {
            Update = new FirestoreDocument { Name = FirestoreClient.DocumentName(_projectId, _ticks, id), Fields = fields },
            CurrentDocument = FirestorePrecondition.MustNotExist(),
        };
        try
        {
            await _client.CommitAsync(_projectId, [write], cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.AlreadyExists)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseTickAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        var write = new FirestoreWrite { Delete = FirestoreClient.DocumentName(_projectId, _ticks, TickId(deliveryKey)) };
        await _client.CommitAsync(_projectId, [write], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query (<c>status == S</c>, ordered by <c>schedule_at</c> then <c>__name__</c>, starting after the cursor) on the
    /// (<c>status, schedule_at</c>) composite index the tick's due query already needs: one document read per job returned
    /// (at least one read).
    /// </remarks>
    public async Task<IReadOnlyList<ScheduledJob>> ListByStatusAsync(ScheduledJobStatus status, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _collection }],
            Where = FirestoreFilter.Field(Doc.Status, "EQUAL", FirestoreValue.String(JobStatusText.Of(status))),
            OrderBy = [FirestoreOrder.Ascending(Doc.ScheduleAt), FirestoreOrder.Ascending("__name__")],
            StartAt = after is null ? null : new FirestoreCursor { Values = [FirestoreValue.Timestamp(after.ScheduleAt), FirestoreValue.Reference(Name(after.Id))] },
            Limit = limit,
        };
        return ReadJobs(await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <remarks>One commit: a delete guarded by an <c>updateTime</c> precondition (400 <c>FAILED_PRECONDITION</c> when the job changed, 404 when it is gone: both answer <see langword="false"/>).</remarks>
    public async Task<bool> TryDeleteAsync(string id, string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var write = new FirestoreWrite { Delete = Name(id), CurrentDocument = FirestorePrecondition.UnchangedSince(version) };
        try
        {
            await _client.CommitAsync(_projectId, [write], cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GoogleApiException ex) when (ex.Status is FirestoreErrorStatus.FailedPrecondition or FirestoreErrorStatus.NotFound)
        {
            return false;
        }
    }

    private static string TickId(string deliveryKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryKey)));

    private async Task<IReadOnlyList<ScheduledJob>> QueryAsync(string status, string timeField, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _collection }],
            Where = FirestoreFilter.And(
                FirestoreFilter.Field(Doc.Status, "EQUAL", FirestoreValue.String(status)),
                FirestoreFilter.Field(timeField, "LESS_THAN_OR_EQUAL", FirestoreValue.Timestamp(now))),
            OrderBy = [FirestoreOrder.Ascending(timeField)],
            Limit = limit,
        };
        return ReadJobs(await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false));
    }

    private List<ScheduledJob> ReadJobs(IReadOnlyList<FirestoreDocument> documents)
    {
        var jobs = new List<ScheduledJob>(documents.Count);
        foreach (var document in documents)
        {
            try
            {
                jobs.Add(Doc.Read(document));
            }
            catch (FormatException ex)
            {
                // One hand-edited or foreign document must not stop every tick: skip it and say which.
                SchedulingLog.UnreadableJob(_logger, ex, document.Name ?? "?");
            }
        }

        return jobs;
    }

    private Task<FirestoreCommitResult> CommitAsync(ScheduledJob job, FirestorePrecondition precondition, CancellationToken cancellationToken)
    {
        var write = new FirestoreWrite
        {
            Update = new FirestoreDocument { Name = Name(job.Id), Fields = Doc.Fields(job) },
            UpdateMask = new FirestoreDocumentMask { FieldPaths = Doc.FieldPaths },
            CurrentDocument = precondition,
        };
        return _client.CommitAsync(_projectId, [write], cancellationToken: cancellationToken);
    }

    private string Name(string id) => FirestoreClient.DocumentName(_projectId, _collection, id);
}
