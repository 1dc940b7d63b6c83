using System.Globalization;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling.Stores;

/// <summary>
/// Shard leases: one document per leased shard in <see cref="SchedulingFirestoreOptions.ShardsCollection"/> (id
/// <c>00</c>–<c>15</c>, fields <c>holder</c> and <c>lease_until</c>), created to take the lease and deleted to give it
/// back, so a free shard costs one write to take and none to look at.
/// </summary>
public sealed partial class FirestoreScheduledJobStore
{
    private const string ShardHolder = "holder";
    private const string ShardLeaseUntil = "lease_until";

    /// <inheritdoc />
    /// <remarks>One query over the leases' collection: one read per lease document (at least one).</remarks>
    async Task<IReadOnlyCollection<int>> IShardedJobStore.ListLeasedShardsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = new FirestoreStructuredQuery { From = [new FirestoreCollectionSelector { CollectionId = _shards }] };
        var leases = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
        return leases.Where(lease => LeaseUntil(lease) > now)
            .Select(lease => int.TryParse(lease.Name![(lease.Name!.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var shard) ? shard : -1)
            .Where(shard => shard >= 0)
            .ToList();
    }

    /// <inheritdoc />
    /// <remarks>
    /// A create (<c>exists: false</c>); when the document is there, a read, and if its lease has ended a replace with an
    /// <c>updateTime</c> precondition. Contention (409 <c>ABORTED</c>) answers <see langword="null"/>: the commit did not apply.
    /// </remarks>
    async Task<string?> IShardedJobStore.TryLeaseShardAsync(int shard, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var name = ShardName(shard);
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            [ShardHolder] = FirestoreValue.String(holder),
            [ShardLeaseUntil] = FirestoreValue.Timestamp(until),
        };
        try
        {
            return await CommitShardAsync(new FirestoreWrite { Update = new FirestoreDocument { Name = name, Fields = fields }, CurrentDocument = FirestorePrecondition.MustNotExist() }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.Aborted)
        {
            return null;
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.AlreadyExists)
        {
            // Someone's lease document: below.
        }

        // Take it over only if its lease ended (its holder stopped without giving it back).
        var current = await _client.GetDocumentAsync(name, cancellationToken).ConfigureAwait(false);
        if (current?.UpdateTime is not { } version || LeaseUntil(current) > now)
        {
            return null;
        }

        try
        {
            return await CommitShardAsync(new FirestoreWrite { Update = new FirestoreDocument { Name = name, Fields = fields }, CurrentDocument = FirestorePrecondition.UnchangedSince(version) }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (ex.Status is FirestoreErrorStatus.FailedPrecondition or FirestoreErrorStatus.NotFound or FirestoreErrorStatus.Aborted)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>A delete with an <c>updateTime</c> precondition: a lease taken over by another since stays theirs.</remarks>
    async Task IShardedJobStore.ReleaseShardAsync(int shard, string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        try
        {
            await CommitShardAsync(new FirestoreWrite { Delete = ShardName(shard), CurrentDocument = FirestorePrecondition.UnchangedSince(version) }, cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (ex.Status is FirestoreErrorStatus.FailedPrecondition or FirestoreErrorStatus.NotFound)
        {
            // Not ours any more.
        }
    }

    private static DateTimeOffset? LeaseUntil(FirestoreDocument lease) => lease.Fields?.GetValueOrDefault(ShardLeaseUntil)?.AsTimestamp();

    private async Task<string?> CommitShardAsync(FirestoreWrite write, CancellationToken cancellationToken)
    {
        var result = await _client.CommitAsync(_projectId, [write], cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.WriteResults?.FirstOrDefault()?.UpdateTime ?? result.CommitTime;
    }

    private string ShardName(int shard) => FirestoreClient.DocumentName(_projectId, _shards, shard.ToString("00", CultureInfo.InvariantCulture));
}
