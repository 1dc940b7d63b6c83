namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>A query filter (Pax uses field filters only).</summary>
public sealed class FirestoreFilter
{
    /// <summary>Gets or sets the field filter.</summary>
    public FirestoreFieldFilter? FieldFilter { get; set; }
}
