namespace Pax.GoogleCloud.Firestore;

/// <summary>The answer to <c>documents:commit</c>: one result per write, in order, and the commit time.</summary>
internal sealed class FirestoreCommitResult
{
    /// <summary>Gets or sets the writes' results.</summary>
    public List<FirestoreWriteResult>? WriteResults { get; set; }

    /// <summary>Gets or sets the commit time.</summary>
    public string? CommitTime { get; set; }
}
