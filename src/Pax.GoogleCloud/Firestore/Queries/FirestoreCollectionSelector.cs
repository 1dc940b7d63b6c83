namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>A collection to query.</summary>
internal sealed class FirestoreCollectionSelector
{
    /// <summary>Gets or sets the collection id.</summary>
    public string CollectionId { get; set; } = string.Empty;

    /// <summary>Gets or sets whether to include every collection with this id below the parent.</summary>
    public bool? AllDescendants { get; set; }
}
