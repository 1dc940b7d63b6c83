using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Completion.Stores.Internal;
using RejectedFields = Pax.Orchestration.Completion.Stores.Internal.FirestoreRejectedDocument;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The watchdog's retention of rejected deliveries.</content>
public sealed partial class FirestoreCompletionStore : IRejectedRetention
{
    /// <summary>
    /// One query on the rejected collection, <c>receivedAt</c> before the cut, oldest first (the single-field index
    /// Firestore keeps), then one commit of deletes per 500 documents (documents:commit takes at most 500 writes).
    /// </summary>
    async Task<int> IRejectedRetention.DeleteRejectedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = _rejectedCollection }],
            Where = FirestoreFilter.Field(RejectedFields.ReceivedAt, "LESS_THAN", FirestoreValue.Timestamp(before)),
            OrderBy = [FirestoreOrder.Ascending(RejectedFields.ReceivedAt)],
            Limit = limit,
        };
        var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in documents.Chunk(500))
        {
            await _client.CommitAsync(_projectId, chunk.Select(d => new FirestoreWrite { Delete = d.Name }).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return documents.Count;
    }
}
