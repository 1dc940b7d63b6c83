using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Scheduling.Stores.Internal.FirestoreJobDocument;

namespace Pax.Orchestration.Scheduling.Stores;

/// <content>The dashboard's job search (<see cref="IScheduledJobStoreQueries.SearchAsync"/>).</content>
public sealed partial class FirestoreScheduledJobStore
{
    /// <summary>The composite index a search by type needs (https://cloud.google.com/firestore/docs/query-data/index-overview): <c>status</c>, <c>type</c>, <c>schedule_at</c>.</summary>
    internal static readonly IReadOnlyList<(string Field, bool Descending)> TypeIndex = [(Doc.Status, false), (Doc.Type, false), (Doc.ScheduleAt, false)];

    /// <inheritdoc />
    /// <remarks>
    /// One query, <c>status</c> (and <c>type</c>) equal, <c>schedule_at</c> within the range, ordered by <c>schedule_at</c>
    /// then <c>__name__</c>: one read per job returned (at least one). Without a type it uses the (<c>status</c>,
    /// <c>schedule_at</c>) index the tick needs; with one the (<c>status</c>, <c>type</c>, <c>schedule_at</c>) index, which
    /// the orchestrator sample's <c>deploy/deploy.sh</c> creates (a missing one throws <see cref="StoreIndexMissingException"/> naming it).
    /// </remarks>
    public async Task<IReadOnlyList<ScheduledJob>> SearchAsync(ScheduledJobSearch search, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        StoreQueryLimits.Check(limit);
        var filters = new List<FirestoreFilter> { FirestoreFilter.Field(Doc.Status, "EQUAL", FirestoreValue.String(JobStatusText.Of(search.Status))) };
        if (search.Type is { } type)
        {
            filters.Add(FirestoreFilter.Field(Doc.Type, "EQUAL", FirestoreValue.String(type)));
        }

        if (search.From is { } from)
        {
            filters.Add(FirestoreFilter.Field(Doc.ScheduleAt, "GREATER_THAN_OR_EQUAL", FirestoreValue.Timestamp(from)));
        }

        if (search.Until is { } until)
        {
            filters.Add(FirestoreFilter.Field(Doc.ScheduleAt, "LESS_THAN", FirestoreValue.Timestamp(until)));
        }

        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _collection }],
            Where = filters.Count == 1 ? filters[0] : FirestoreFilter.And([.. filters]),
            OrderBy = [FirestoreOrder.Ascending(Doc.ScheduleAt), FirestoreOrder.Ascending("__name__")],
            StartAt = after is null ? null : new FirestoreCursor { Values = [FirestoreValue.Timestamp(after.ScheduleAt), FirestoreValue.Reference(Name(after.Id))] },
            Limit = limit,
        };
        try
        {
            return ReadJobs(await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false));
        }
        catch (GoogleApiException ex) when (search.Type is not null && ex.Status == FirestoreErrorStatus.FailedPrecondition)
        {
            throw new StoreIndexMissingException(_collection, TypeIndex, ex);
        }
    }
}
