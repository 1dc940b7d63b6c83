namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Read-write transaction options.</summary>
internal sealed class FirestoreReadWriteOptions
{
    public string? RetryTransaction { get; set; }
}
