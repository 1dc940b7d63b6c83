namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Body of <c>documents:commit</c>.</summary>
internal sealed class FirestoreCommitRequest
{
    public List<FirestoreWrite> Writes { get; set; } = [];

    public string? Transaction { get; set; }
}
