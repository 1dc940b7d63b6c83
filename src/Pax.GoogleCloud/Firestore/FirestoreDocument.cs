namespace Pax.GoogleCloud.Firestore;

/// <summary>A Firestore document: its full name, fields, and the server's create and update times (RFC 3339 text, kept verbatim for preconditions).</summary>
internal sealed class FirestoreDocument
{
    /// <summary>Gets or sets the full name: <c>projects/{p}/databases/(default)/documents/{collection}/{id}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the fields.</summary>
    public Dictionary<string, FirestoreValue>? Fields { get; set; }

    /// <summary>Gets or sets when the document was created (output only).</summary>
    public string? CreateTime { get; set; }

    /// <summary>Gets or sets when the document was last changed (output only); pass it to <see cref="FirestorePrecondition.UpdateTime"/> for optimistic concurrency.</summary>
    public string? UpdateTime { get; set; }
}
