namespace Pax.GoogleCloud.Firestore;

/// <summary>One write of a commit: an <see cref="Update"/> (optionally masked and transformed) or a <see cref="Delete"/>, with an optional precondition.</summary>
internal sealed class FirestoreWrite
{
    /// <summary>Gets or sets the document to write (its <see cref="FirestoreDocument.Name"/> is required).</summary>
    public FirestoreDocument? Update { get; set; }

    /// <summary>Gets or sets the full name of a document to delete.</summary>
    public string? Delete { get; set; }

    /// <summary>Gets or sets the fields the update touches; without it the whole document is replaced.</summary>
    public FirestoreDocumentMask? UpdateMask { get; set; }

    /// <summary>Gets or sets transforms applied after the update, in order.</summary>
    public List<FirestoreFieldTransform>? UpdateTransforms { get; set; }

    /// <summary>Gets or sets the precondition on the stored document.</summary>
    public FirestorePrecondition? CurrentDocument { get; set; }
}
