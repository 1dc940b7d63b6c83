namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Body of <c>documents:rollback</c>.</summary>
internal sealed class FirestoreRollbackRequest
{
    public string Transaction { get; set; } = string.Empty;
}
