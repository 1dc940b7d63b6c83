namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>One element of the <c>runQuery</c> answer (an array); elements without a document only carry the read time.</summary>
internal sealed class FirestoreRunQueryElement
{
    public FirestoreDocument? Document { get; set; }

    public string? ReadTime { get; set; }
}
