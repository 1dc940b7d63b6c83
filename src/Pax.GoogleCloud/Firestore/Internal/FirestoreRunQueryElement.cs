using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>One element of the <c>runQuery</c> answer (an array): a document, only the read time, or the error that ended the stream.</summary>
internal sealed class FirestoreRunQueryElement
{
    public FirestoreDocument? Document { get; set; }

    public string? ReadTime { get; set; }

    public GoogleErrorBody? Error { get; set; }
}
