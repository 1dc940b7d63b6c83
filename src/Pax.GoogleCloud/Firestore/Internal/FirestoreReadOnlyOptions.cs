namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Read-only transaction options (empty).</summary>
internal sealed class FirestoreReadOnlyOptions
{
}
