namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>An order on one field.</summary>
internal sealed class FirestoreOrder
{
    /// <summary>Gets or sets the field.</summary>
    public FirestoreFieldReference Field { get; set; } = new();

    /// <summary>Gets or sets the direction: <c>ASCENDING</c> or <c>DESCENDING</c>.</summary>
    public string Direction { get; set; } = "ASCENDING";

    /// <summary>Orders by <paramref name="fieldPath"/>, ascending.</summary>
    /// <param name="fieldPath">The field path.</param>
    /// <returns>The order.</returns>
    public static FirestoreOrder Ascending(string fieldPath) => new() { Field = new FirestoreFieldReference { FieldPath = fieldPath } };

    /// <summary>Orders by <paramref name="fieldPath"/>, descending.</summary>
    /// <param name="fieldPath">The field path.</param>
    /// <returns>The order.</returns>
    public static FirestoreOrder Descending(string fieldPath) => new() { Field = new FirestoreFieldReference { FieldPath = fieldPath }, Direction = "DESCENDING" };
}
