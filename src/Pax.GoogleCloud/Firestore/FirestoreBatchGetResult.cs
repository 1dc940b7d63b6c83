namespace Pax.GoogleCloud.Firestore;

/// <summary>One element of a <c>documents:batchGet</c> answer: the document <see cref="Found"/>, or the name of a <see cref="Missing"/> one.</summary>
internal sealed class FirestoreBatchGetResult
{
    /// <summary>Gets or sets the document, when it exists.</summary>
    public FirestoreDocument? Found { get; set; }

    /// <summary>Gets or sets the full name of a document that does not exist.</summary>
    public string? Missing { get; set; }

    /// <summary>Gets or sets when the document was read.</summary>
    public string? ReadTime { get; set; }
}
