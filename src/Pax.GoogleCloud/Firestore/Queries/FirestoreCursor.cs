namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>
/// A position in a query's order (<c>StructuredQuery.startAt</c>): one value per <c>orderBy</c> field, in order
/// (firebase.google.com/docs/firestore/reference/rest/v1/StructuredQuery#Cursor). Order by <c>__name__</c> last and
/// give the document's reference as the last value to page without skipping documents that share the other values.
/// </summary>
internal sealed class FirestoreCursor
{
    /// <summary>Gets or sets the values, one per <c>orderBy</c> field.</summary>
    public List<FirestoreValue> Values { get; set; } = [];

    /// <summary>
    /// Gets or sets whether the position is just before the values (the results include them) or just after (they do not).
    /// </summary>
    /// <value><see langword="false"/>: start after the values, which is what a next page needs.</value>
    public bool Before { get; set; }
}
