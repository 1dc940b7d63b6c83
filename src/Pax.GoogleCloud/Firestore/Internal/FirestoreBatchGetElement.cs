using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>One element of the <c>batchGet</c> answer (an array): found, missing, or the error that ended the stream.</summary>
internal sealed class FirestoreBatchGetElement
{
    public FirestoreDocument? Found { get; set; }

    public string? Missing { get; set; }

    public string? ReadTime { get; set; }

    public GoogleErrorBody? Error { get; set; }
}
