using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;
using RejectedFields = Pax.Orchestration.Completion.Stores.Internal.FirestoreRejectedDocument;
using Wide = Pax.Orchestration.Completion.Stores.Internal.FirestoreWideTally;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The dashboard's reads (<see cref="ICompletionStoreQueries"/>): bounded queries, one document read per result.</content>
public sealed partial class FirestoreCompletionStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Chosen by the stored tally document, not the configuration. A wide tally: one query of its <c>reports</c> ordered by
    /// document id (the escaped processor name), one read per report returned (and one of its document unless this
    /// process knows it is wide). A narrow tally: one read of its document, paged in memory.
    /// </remarks>
    public async Task<IReadOnlyList<ProcessorCompletion>> ListReportsAsync(string phase, string runKey, int limit, string? afterProcessor, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        var head = Name(phase, runKey);
        var knownWide = _knownWide.ContainsKey(head);
        var document = knownWide ? null : await _client.GetDocumentAsync(head, cancellationToken).ConfigureAwait(false);
        if (!knownWide && !Wide.IsWide(document))
        {
            // The layout of the stored document, not of the configuration: a run key keeps the layout it was started in.
            var tally = Doc.Read(document, phase, runKey);
            return (tally?.Completions.Values ?? [])
                .Where(c => afterProcessor is null || string.CompareOrdinal(c.Processor, afterProcessor) > 0)
                .OrderBy(c => c.Processor, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
        }

        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = Wide.Reports }],
            OrderBy = [FirestoreOrder.Ascending(DocumentNameField)],
            StartAt = afterProcessor is null ? null : new FirestoreCursor { Values = [FirestoreValue.Reference(ReportName(head, afterProcessor))] },
            Limit = limit,
        };
        var documents = await _client.RunQueryAsync(_projectId, head, query, cancellationToken).ConfigureAwait(false);
        return documents.Select(Wide.ReadReport).ToList();
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query on <c>{phase}_completion</c> ordered by <c>_createdAt</c> then <c>__name__</c>, descending (a single-field
    /// index Firestore keeps by default), starting after the cursor: one document read per tally returned (at least one read),
    /// and for a wide tally one read per counter shard (at most 100) for its counts.
    /// </remarks>
    public async Task<IReadOnlyList<StoredTally>> ListRecentAsync(string phase, int limit, TallyCursor? after, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = Doc.Collection(phase) }],
            OrderBy = [FirestoreOrder.Descending(Doc.CreatedAt), FirestoreOrder.Descending(DocumentNameField)],
            StartAt = after is null ? null : new FirestoreCursor { Values = [FirestoreValue.Timestamp(after.CreatedAt), FirestoreValue.Reference(Name(phase, after.RunKey))] },
            Limit = limit,
        };
        var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
        return await ReadTalliesAsync(documents, phase, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query on <see cref="FirestoreStoreOptions.RejectedCollection"/> ordered by <c>receivedAt</c>, descending: one
    /// read per delivery returned (at least one). Filtered by phase (and run key), it needs a composite index on
    /// <c>phase</c>, <c>receivedAt</c> descending (and <c>phase</c>, <c>runKey</c>, <c>receivedAt</c> descending), which
    /// the orchestrator sample's <c>deploy/deploy.sh</c> creates; Firestore names the missing index in its 400 answer.
    /// </remarks>
    public async Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, string? phase, string? runKey, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        StoreQueryLimits.CheckRejectedFilter(phase, runKey);
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _rejectedCollection }],
            Where = (phase, runKey) switch
            {
                (null, _) => null,
                (_, null) => FirestoreFilter.Field(RejectedFields.Phase, "EQUAL", FirestoreValue.String(phase)),
                _ => FirestoreFilter.And(
                    FirestoreFilter.Field(RejectedFields.Phase, "EQUAL", FirestoreValue.String(phase)),
                    FirestoreFilter.Field(RejectedFields.RunKey, "EQUAL", FirestoreValue.String(runKey))),
            },
            OrderBy = [FirestoreOrder.Descending(RejectedFields.ReceivedAt)],
            Limit = limit,
        };
        try
        {
            var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
            return documents.Where(d => d.Fields is not null).Select(d => RejectedFields.Read(d.Fields!)).ToList();
        }
        catch (GoogleApiException ex) when (phase is not null && ex.Status == FirestoreErrorStatus.FailedPrecondition)
        {
            throw new StoreIndexMissingException(_rejectedCollection, RejectedIndex(runKey is not null), ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One count aggregation (<c>runAggregationQuery</c>) over the same composite index as the phase's list: one
    /// document read per 1,000 index entries counted, at most <see cref="CompletionLimits.MaxRejectedCount"/>.
    /// </remarks>
    public async Task<int> CountRejectedSinceAsync(string phase, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _rejectedCollection }],
            Where = FirestoreFilter.And(
                FirestoreFilter.Field(RejectedFields.Phase, "EQUAL", FirestoreValue.String(phase)),
                FirestoreFilter.Field(RejectedFields.ReceivedAt, "GREATER_THAN_OR_EQUAL", FirestoreValue.Timestamp(since))),

            // The list's order, so the count reads the list's index (phase, receivedAt descending).
            OrderBy = [FirestoreOrder.Descending(RejectedFields.ReceivedAt)],
        };
        try
        {
            return (int)await _client.CountAsync(_projectId, query, CompletionLimits.MaxRejectedCount, cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.FailedPrecondition)
        {
            throw new StoreIndexMissingException(_rejectedCollection, RejectedIndex(byRunKey: false), ex);
        }
    }

    /// <summary>
    /// The composite index a filtered query of rejected deliveries needs (a missing one is 400 <c>FAILED_PRECONDITION</c>,
    /// https://cloud.google.com/firestore/docs/query-data/indexing): phase, (run key,) <c>receivedAt</c> descending.
    /// </summary>
    internal static IReadOnlyList<(string Field, bool Descending)> RejectedIndex(bool byRunKey) => byRunKey
        ? [(RejectedFields.Phase, false), (RejectedFields.RunKey, false), (RejectedFields.ReceivedAt, true)]
        : [(RejectedFields.Phase, false), (RejectedFields.ReceivedAt, true)];
}
