namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Body of <c>documents:beginTransaction</c>.</summary>
internal sealed class FirestoreBeginTransactionRequest
{
    public FirestoreTransactionOptions Options { get; set; } = new();
}
