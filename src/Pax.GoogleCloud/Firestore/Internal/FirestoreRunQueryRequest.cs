using Pax.GoogleCloud.Firestore.Queries;

namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>Body of <c>documents:runQuery</c>.</summary>
internal sealed class FirestoreRunQueryRequest
{
    public FirestoreStructuredQuery StructuredQuery { get; set; } = new();
}
