namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Read-write (with an optional transaction to retry) or read-only.</summary>
internal sealed class FirestoreTransactionOptions
{
    public FirestoreReadWriteOptions? ReadWrite { get; set; }

    public FirestoreReadOnlyOptions? ReadOnly { get; set; }
}
