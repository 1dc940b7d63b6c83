using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;
using RejectedFields = Pax.Orchestration.Completion.Stores.Internal.FirestoreRejectedDocument;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The dashboard's search: one bounded query each, one document read per result (at least one per query).</content>
public sealed partial class FirestoreCompletionStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One query on <c>{phase}_completion</c> (<see cref="FirestoreTallySearch"/>): one document read per tally returned, at
    /// least one. A state with a time range or a prefix needs one of four composite indexes per phase collection
    /// ((<c>_state</c> or <c>_triggered</c>) then <c>_createdAt</c> or <c>_runKey</c> descending), which the orchestrator
    /// sample's <c>deploy/deploy.sh</c> creates; a missing one throws <see cref="StoreIndexMissingException"/> naming it.
    /// </remarks>
    public async Task<IReadOnlyList<StoredTally>> SearchAsync(string phase, TallySearch search, int limit, TallyCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        StoreQueryLimits.Check(limit);
        search.Validate();
        var (query, index) = FirestoreTallySearch.Build(phase, search, limit, after, after is null ? null : Name(phase, after.RunKey));
        try
        {
            var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
            return await ReadTalliesAsync(documents, phase, cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (index is not null && ex.Status == FirestoreErrorStatus.FailedPrecondition)
        {
            throw new StoreIndexMissingException(Doc.Collection(phase), index, ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query on <see cref="FirestoreStoreOptions.RejectedCollection"/>, <c>reasonCode</c> (and <c>phase</c>) equal,
    /// <c>receivedAt</c> descending: one read per delivery returned (at least one), served by the composite index
    /// (<c>reasonCode</c>, <c>receivedAt</c> descending) or (<c>phase</c>, <c>reasonCode</c>, <c>receivedAt</c> descending).
    /// </remarks>
    public async Task<IReadOnlyList<RejectedMessage>> ListRejectedByReasonAsync(int limit, string reasonCode, string? phase, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reasonCode);
        StoreQueryLimits.Check(limit);
        var reason = FirestoreFilter.Field(RejectedFields.ReasonCode, "EQUAL", FirestoreValue.String(reasonCode));
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _rejectedCollection }],
            Where = phase is null ? reason : FirestoreFilter.And(FirestoreFilter.Field(RejectedFields.Phase, "EQUAL", FirestoreValue.String(phase)), reason),
            OrderBy = [FirestoreOrder.Descending(RejectedFields.ReceivedAt)],
            Limit = limit,
        };
        try
        {
            var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
            return documents.Where(d => d.Fields is not null).Select(d => RejectedFields.Read(d.Fields!)).ToList();
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.FailedPrecondition)
        {
            throw new StoreIndexMissingException(_rejectedCollection, RejectedReasonIndex(phase is not null), ex);
        }
    }

    /// <summary>The composite index a query of rejected deliveries by reason needs: (phase,) <c>reasonCode</c>, <c>receivedAt</c> descending.</summary>
    internal static IReadOnlyList<(string Field, bool Descending)> RejectedReasonIndex(bool byPhase) => byPhase
        ? [(RejectedFields.Phase, false), (RejectedFields.ReasonCode, false), (RejectedFields.ReceivedAt, true)]
        : [(RejectedFields.ReasonCode, false), (RejectedFields.ReceivedAt, true)];
}
