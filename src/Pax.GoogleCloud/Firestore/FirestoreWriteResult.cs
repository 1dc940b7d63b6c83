namespace Pax.GoogleCloud.Firestore;

/// <summary>The result of one write: the document's new update time and each transform's result, in order.</summary>
internal sealed class FirestoreWriteResult
{
    /// <summary>Gets or sets the document's update time after the write.</summary>
    public string? UpdateTime { get; set; }

    /// <summary>Gets or sets the transforms' results (for an increment, the new value).</summary>
    public List<FirestoreValue>? TransformResults { get; set; }
}
