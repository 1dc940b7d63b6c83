namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Answer of <c>documents:beginTransaction</c>.</summary>
internal sealed class FirestoreBeginTransactionResponse
{
    public string? Transaction { get; set; }
}
