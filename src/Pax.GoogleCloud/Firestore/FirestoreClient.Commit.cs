using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>
    /// Applies writes atomically (<c>documents:commit</c>), inside <paramref name="transaction"/> when given. Sent once:
    /// a failed precondition throws <see cref="GoogleApiException"/> with <see cref="FirestoreErrorStatus.AlreadyExists"/>,
    /// <see cref="FirestoreErrorStatus.FailedPrecondition"/> or <see cref="FirestoreErrorStatus.NotFound"/>, and
    /// contention with <see cref="FirestoreErrorStatus.Aborted"/>.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="writes">The writes, applied in order, all or none.</param>
    /// <param name="transaction">The transaction to commit, or <see langword="null"/> for a batch write.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The write results and commit time.</returns>
    /// <exception cref="ArgumentException">There are no writes, or more than 500.</exception>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    /// <exception cref="GoogleApiException">Firestore refused the commit.</exception>
    public Task<FirestoreCommitResult> CommitAsync(
        string projectId, IReadOnlyList<FirestoreWrite> writes, string? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count is 0 or > 500)
        {
            throw new ArgumentException($"A commit holds 1 to 500 writes (was {writes.Count}).", nameof(writes));
        }

        return _transport.SendJsonAsync(
            HttpMethod.Post,
            DocumentsPath(projectId) + ":commit",
            new FirestoreCommitRequest { Writes = writes.ToList(), Transaction = transaction },
            GoogleCloudJsonContext.Default.FirestoreCommitRequest,
            GoogleCloudJsonContext.Default.FirestoreCommitResult,
            FirestoreOperations.Commit(projectId),
            retryable: false,
            cancellationToken);
    }
}
