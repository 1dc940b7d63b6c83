namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>A reference to a field by path.</summary>
internal sealed class FirestoreFieldReference
{
    /// <summary>Gets or sets the field path.</summary>
    public string FieldPath { get; set; } = string.Empty;
}
