namespace Pax.GoogleCloud.Firestore;

/// <summary>The field paths a write touches (<c>updateMask</c>). Names other than letters, digits and '_' must be quoted with backticks: see <see cref="FirestoreFieldPath.Quote(string)"/>.</summary>
internal sealed class FirestoreDocumentMask
{
    /// <summary>Gets or sets the field paths.</summary>
    public List<string> FieldPaths { get; set; } = [];
}
