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
/// (<c>status == pending AND schedule_at &lt;= now</c>, <c>status == running AND lease_until &lt;= now</c>), and a
/// shard's due jobs with the same two plus <c>shard == k</c>; they need composite indexes (<c>status, schedule_at</c>),
/// (<c>status, lease_until</c>), (<c>status, shard, schedule_at</c>) and (<c>status, shard, lease_until</c>) on
/// Firestore, which the deploy script creates (until the shard ones exist, a shard's jobs are picked from the first
/// two queries, with a warning). Shard leases are documents in <c>scheduler_shards</c>. Handled tick deliveries are documents in <c>scheduler_ticks</c> with an <c>expire_at</c>
/// field for a TTL policy. A commit met by contention (409 <c>ABORTED</c>) is retried with backoff
/// (<see cref="SchedulingFirestoreOptions.ConflictRetry"/>: exponential with jitter, bounded in total time).
/// </summary>
public sealed partial class FirestoreScheduledJobStore : IScheduledJobStore, IScheduledJobStoreQueries, IShardedJobStore
{
    private const int MaxAbortedRetries = 5;
    private static readonly TimeSpan TickRetention = TimeSpan.FromDays(7);
    private readonly FirestoreClient _client;
    private readonly string _projectId;
    private readonly string _collection;
    private readonly string _ticks;
    private readonly string _shards;
    private readonly ILogger _logger;
    private readonly FirestoreConflictRetryOptions _conflictRetry;
    private readonly TimeProvider _time;
    private static readonly TimeSpan ShardIndexMissingRepeat = TimeSpan.FromMinutes(10);
    private long _shardIndexMissingLoggedAt = long.MinValue;

    /// <summary>Initializes a store in <see cref="SchedulingFirestoreOptions.ProjectId"/>'s <c>(default)</c> database.</summary>
    /// <param name="client">The Firestore client from DI.</param>
    /// <param name="options">The scheduling options.</param>
    /// <param name="logger">Where unreadable job documents are reported (they are skipped); <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock of the contention backoff and of repeating the missing-index error (event 4122); <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
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
        _shards = firestore.ShardsCollection;
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
    /// <remarks>A due document stored before shards gets its <c>shard</c> here (one write with an <c>updateTime</c> precondition, once per document).</remarks>
    public async Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var found = await DueDocumentsAsync(now, null, limit, cancellationToken).ConfigureAwait(false);
        var unsharded = found.Where(d => !Doc.HasShard(d)).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var due = Earliest(ReadJobs(found), limit);
        return await Task.WhenAll(due.Select(job => unsharded.Contains(Name(job.Id)) ? StoreShardAsync(job, cancellationToken) : Task.FromResult(job))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    async Task<IReadOnlyList<ScheduledJob>> IShardedJobStore.ListDueAsync(DateTimeOffset now, int shard, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return Earliest(ReadJobs(await DueDocumentsAsync(now, shard, limit, cancellationToken).ConfigureAwait(false)), limit).ToList();
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.FailedPrecondition)
        {
            // "The query requires an index": the shard indexes are still building (or were never made). Pick the
            // shard's jobs from the two queries every version runs, until they exist.
            ReportShardIndexMissing(ex);
            var found = await DueDocumentsAsync(now, null, limit, cancellationToken).ConfigureAwait(false);
            return Earliest(ReadJobs(found).Where(j => j.Shard == shard), limit).ToList();
        }
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

    /// <summary>Logs the missing shard indexes (event 4122) at the first refusal and again every 10 minutes while they last.</summary>
    private void ReportShardIndexMissing(GoogleApiException ex)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _shardIndexMissingLoggedAt);
        if ((last == long.MinValue || now - last >= ShardIndexMissingRepeat.Ticks) && Interlocked.CompareExchange(ref _shardIndexMissingLoggedAt, now, last) == last)
        {
            SchedulingLog.ShardIndexMissing(_logger, ex, _collection, _projectId);
        }
    }

    // The two queries are read at different times: a job that changed status between them may be in both.
    private static IEnumerable<ScheduledJob> Earliest(IEnumerable<ScheduledJob> jobs, int limit) =>
        jobs.DistinctBy(j => j.Id, StringComparer.Ordinal).OrderBy(j => j.ScheduleAt).Take(limit);

    private static string TickId(string deliveryKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryKey)));

    /// <summary>Runs the two due-job queries (pending and due, running with an ended lease) side by side, of one shard or all.</summary>
    private async Task<List<FirestoreDocument>> DueDocumentsAsync(DateTimeOffset now, int? shard, int limit, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(
            QueryAsync("pending", Doc.ScheduleAt, now, shard, limit, cancellationToken),
            QueryAsync("running", Doc.LeaseUntil, now, shard, limit, cancellationToken)).ConfigureAwait(false);
        return [.. found[0], .. found[1]];
    }

    private Task<IReadOnlyList<FirestoreDocument>> QueryAsync(string status, string timeField, DateTimeOffset now, int? shard, int limit, CancellationToken cancellationToken)
    {
        var filters = new List<FirestoreFilter> { FirestoreFilter.Field(Doc.Status, "EQUAL", FirestoreValue.String(status)) };
        if (shard is { } k)
        {
            filters.Add(FirestoreFilter.Field(Doc.Shard, "EQUAL", FirestoreValue.Integer(k)));
        }

        filters.Add(FirestoreFilter.Field(timeField, "LESS_THAN_OR_EQUAL", FirestoreValue.Timestamp(now)));
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _collection }],
            Where = FirestoreFilter.And([.. filters]),
            OrderBy = [FirestoreOrder.Ascending(timeField)],
            Limit = limit,
        };
        return _client.RunQueryAsync(_projectId, query, cancellationToken);
    }

    /// <summary>Writes the <c>shard</c> of a job stored before shards (only if unchanged since it was read); returns it with its new version.</summary>
    private async Task<ScheduledJob> StoreShardAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var write = new FirestoreWrite
        {
            Update = new FirestoreDocument
            {
                Name = Name(job.Id),
                Fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal) { [Doc.Shard] = FirestoreValue.Integer(job.Shard) },
            },
            UpdateMask = new FirestoreDocumentMask { FieldPaths = [Doc.Shard] },
            CurrentDocument = FirestorePrecondition.UnchangedSince(job.Version!),
        };
        try
        {
            var result = await _client.CommitAsync(_projectId, [write], cancellationToken: cancellationToken).ConfigureAwait(false);
            return job with { Version = result.WriteResults?.FirstOrDefault()?.UpdateTime ?? job.Version };
        }
        catch (GoogleApiException ex) when (ex.Status is FirestoreErrorStatus.FailedPrecondition or FirestoreErrorStatus.NotFound or FirestoreErrorStatus.Aborted)
        {
            // Changed meanwhile: a write of this version carries the shard; one of an older version leaves it for the next listing.
            return job;
        }
    }

    private List<ScheduledJob> ReadJobs(IEnumerable<FirestoreDocument> documents)
    {
        var jobs = new List<ScheduledJob>();
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
