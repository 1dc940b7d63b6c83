namespace Pax.GoogleCloud.Firestore;

/// <summary>
/// A write's <c>currentDocument</c> precondition: set one of the two. A failed <c>exists=false</c> answers 409
/// <c>ALREADY_EXISTS</c>, a failed <c>exists=true</c> 404 <c>NOT_FOUND</c>, a failed <c>updateTime</c> 400
/// <c>FAILED_PRECONDITION</c> (see <see cref="FirestoreErrorStatus"/>).
/// </summary>
internal sealed class FirestorePrecondition
{
    /// <summary>Gets or sets whether the document must (<see langword="true"/>) or must not (<see langword="false"/>) exist.</summary>
    public bool? Exists { get; set; }

    /// <summary>Gets or sets the update time the stored document must have (the text read from <see cref="FirestoreDocument.UpdateTime"/>).</summary>
    public string? UpdateTime { get; set; }

    /// <summary>The document must not exist (a create).</summary>
    /// <returns>The precondition.</returns>
    public static FirestorePrecondition MustNotExist() => new() { Exists = false };

    /// <summary>The document must be unchanged since it was read.</summary>
    /// <param name="updateTime">The update time read with the document.</param>
    /// <returns>The precondition.</returns>
    public static FirestorePrecondition UnchangedSince(string updateTime) => new() { UpdateTime = updateTime };
}
