using System.Globalization;
using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    private const string CountAlias = "count";

    /// <summary>
    /// Counts the documents a query matches on the server (<c>documents:runAggregationQuery</c> with a <c>count</c>
    /// aggregation): billed by index entries read (one document read per 1,000), not per document. Retried on
    /// transient failures.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="query">The query (its order, cursor and limit apply as for <see cref="RunQueryAsync(string, FirestoreStructuredQuery, CancellationToken)"/>).</param>
    /// <param name="upTo">Stop counting at this many (a count of <paramref name="upTo"/> means "that many or more"), or <see langword="null"/> to count all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many documents match, at most <paramref name="upTo"/>.</returns>
    /// <exception cref="GoogleApiException">Firestore refused the call, or its streamed answer ended with an error.</exception>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    public async Task<long> CountAsync(string projectId, FirestoreStructuredQuery query, long? upTo, CancellationToken cancellationToken = default)
    {
        if (upTo is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(upTo), upTo, "Count up to at least 1.");
        }

        var aggregation = new FirestoreAggregation { Alias = CountAlias, Count = new FirestoreCountAggregation { UpTo = upTo?.ToString(CultureInfo.InvariantCulture) } };
        var fields = await AggregateAsync(projectId, null, query, [aggregation], cancellationToken).ConfigureAwait(false);
        return fields?.GetValueOrDefault(CountAlias)?.AsInteger() ?? 0;
    }

    /// <summary>Runs <c>runAggregationQuery</c> (on top-level collections, or on <paramref name="parentDocument"/>'s subcollections) and returns its result's fields by alias, or <see langword="null"/> when it has none.</summary>
    private async Task<Dictionary<string, FirestoreValue>?> AggregateAsync(
        string projectId, string? parentDocument, FirestoreStructuredQuery query, List<FirestoreAggregation> aggregations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentNullException.ThrowIfNull(query);
        var path = QueryPath(projectId, parentDocument, "runAggregationQuery");
        var operation = FirestoreOperations.Query(projectId, string.Join(",", query.From.Select(f => f.CollectionId)));
        var request = new FirestoreRunAggregationQueryRequest
        {
            StructuredAggregationQuery = new FirestoreStructuredAggregationQuery { StructuredQuery = query, Aggregations = aggregations },
        };
        var elements = await _transport.SendJsonAsync(
            HttpMethod.Post,
            path,
            request,
            GoogleCloudJsonContext.Default.FirestoreRunAggregationQueryRequest,
            GoogleCloudJsonContext.Default.ListFirestoreRunAggregationQueryElement,
            operation,
            retryable: true,
            cancellationToken).ConfigureAwait(false);
        ThrowIfStreamFailed(elements, e => e.Error, path, operation);
        return elements.Select(e => e.Result?.AggregateFields).FirstOrDefault(r => r is not null);
    }
}
