namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>The subset of a <c>StructuredQuery</c> Pax uses: one collection, an optional filter, an order, a start cursor and a limit.</summary>
internal sealed class FirestoreStructuredQuery
{
    /// <summary>Gets or sets the collections to query.</summary>
    public List<FirestoreCollectionSelector> From { get; set; } = [];

    /// <summary>Gets or sets the filter.</summary>
    public FirestoreFilter? Where { get; set; }

    /// <summary>Gets or sets the order of the results.</summary>
    public List<FirestoreOrder>? OrderBy { get; set; }

    /// <summary>Gets or sets where the results start in <see cref="OrderBy"/>'s order (a page's cursor), or <see langword="null"/> for the first result.</summary>
    public FirestoreCursor? StartAt { get; set; }

    /// <summary>Gets or sets the most documents to return.</summary>
    public int? Limit { get; set; }

    /// <summary>Creates a query of one collection where <paramref name="fieldPath"/> equals <paramref name="value"/>.</summary>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="fieldPath">The field path.</param>
    /// <param name="value">The value.</param>
    /// <param name="limit">The most documents to return.</param>
    /// <returns>The query.</returns>
    public static FirestoreStructuredQuery WhereEqual(string collectionId, string fieldPath, FirestoreValue value, int? limit = null) => new()
    {
        From = [new FirestoreCollectionSelector { CollectionId = collectionId }],
        Where = FirestoreFilter.Field(fieldPath, "EQUAL", value),
        Limit = limit,
    };
}
