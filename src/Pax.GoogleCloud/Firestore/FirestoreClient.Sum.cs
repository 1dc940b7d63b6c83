using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Firestore.Queries;

namespace Pax.GoogleCloud.Firestore;

internal sealed partial class FirestoreClient
{
    /// <summary>
    /// Sums integer fields over the documents a query matches, on the server (<c>runAggregationQuery</c> with one
    /// <c>sum</c> aggregation per field: cloud.google.com/firestore/docs/reference/rest/v1/StructuredAggregationQuery).
    /// Billed as one document read per batch of up to 1,000 index entries matched
    /// (cloud.google.com/firestore/docs/query-data/aggregation-queries, "Pricing"). A document that lacks one of the fields
    /// is left out of every sum of the query (as the emulator answers), so write all of them on every document. Retried
    /// on transient failures.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    /// <param name="parentDocument">The full name of the document whose subcollections <paramref name="query"/> names, or <see langword="null"/> for top-level collections.</param>
    /// <param name="query">The query.</param>
    /// <param name="fields">The field paths to sum.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Each field's sum, in the order of <paramref name="fields"/> (0 when nothing matched).</returns>
    /// <exception cref="GoogleApiException">Firestore refused the call, or its streamed answer ended with an error.</exception>
    /// <exception cref="FirestoreDatabaseNotFoundException">The project has no such database.</exception>
    public async Task<IReadOnlyList<long>> SumAsync(string projectId, string? parentDocument, FirestoreStructuredQuery query, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var aggregations = fields.Select((f, i) => new FirestoreAggregation { Alias = "s" + i, Sum = new FirestoreSumAggregation { Field = new FirestoreFieldReference { FieldPath = f } } }).ToList();
        var result = await AggregateAsync(projectId, parentDocument, query, aggregations, cancellationToken).ConfigureAwait(false);
        return fields.Select((_, i) => result?.GetValueOrDefault("s" + i)?.AsInteger() ?? 0L).ToList();
    }
}
