namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Empty answer (<c>{}</c>).</summary>
internal sealed class FirestoreEmptyResponse
{
}
