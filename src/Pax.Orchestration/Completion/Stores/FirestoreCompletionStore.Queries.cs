using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The dashboard's reads (<see cref="ICompletionStoreQueries"/>): bounded queries, one document read per result.</content>
public sealed partial class FirestoreCompletionStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One query on <c>{phase}_completion</c> ordered by <c>_createdAt</c> then <c>__name__</c>, descending (a single-field
    /// index Firestore keeps by default), starting after the cursor: one document read per tally returned (at least one read).
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
        return documents
            .Select(d => Doc.Read(d, phase, d.Name![(d.Name!.LastIndexOf('/') + 1)..]))
            .OfType<StoredTally>()
            .ToList();
    }

    /// <inheritdoc />
    /// <remarks>One query on <see cref="FirestoreStoreOptions.RejectedCollection"/> ordered by <c>receivedAt</c>, descending: one read per delivery returned (at least one).</remarks>
    public async Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _rejectedCollection }],
            OrderBy = [FirestoreOrder.Descending("receivedAt")],
            Limit = limit,
        };
        var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
        return documents.Where(d => d.Fields is not null).Select(d => new RejectedMessage(
            d.Fields!.GetValueOrDefault("messageId")?.StringValue,
            d.Fields!.GetValueOrDefault("reason")?.StringValue ?? string.Empty,
            d.Fields!.GetValueOrDefault("receivedAt")?.AsTimestamp() ?? DateTimeOffset.MinValue,
            d.Fields!.GetValueOrDefault("excerpt")?.StringValue)).ToList();
    }
}
