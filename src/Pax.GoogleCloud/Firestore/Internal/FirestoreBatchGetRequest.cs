namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Body of <c>documents:batchGet</c>.</summary>
internal sealed class FirestoreBatchGetRequest
{
    public List<string> Documents { get; set; } = [];

    public string? Transaction { get; set; }
}
