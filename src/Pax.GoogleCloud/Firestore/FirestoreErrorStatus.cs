namespace Pax.GoogleCloud.Firestore;

/// <summary>
/// Firestore's error statuses that callers branch on. HTTP 409 means either <see cref="AlreadyExists"/> (a create
/// precondition failed: the document is there) or <see cref="Aborted"/> (transaction contention: retry the whole
/// transaction), so branch on <see cref="GoogleApiException.Status"/>, never on the HTTP code alone.
/// </summary>
internal static class FirestoreErrorStatus
{
    /// <summary><c>ALREADY_EXISTS</c> (409): <c>currentDocument.exists=false</c> and the document exists.</summary>
    public const string AlreadyExists = "ALREADY_EXISTS";

    /// <summary><c>ABORTED</c> (409): contention, lock timeout or an expired transaction; retry the transaction.</summary>
    public const string Aborted = "ABORTED";

    /// <summary><c>FAILED_PRECONDITION</c> (400): <c>currentDocument.updateTime</c> does not match.</summary>
    public const string FailedPrecondition = "FAILED_PRECONDITION";

    /// <summary><c>NOT_FOUND</c> (404): <c>currentDocument.exists=true</c> and the document is missing.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Returns whether <paramref name="exception"/> says a precondition did not hold or a concurrent writer won: re-read and try again.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for <c>ALREADY_EXISTS</c>, <c>ABORTED</c>, <c>FAILED_PRECONDITION</c> and <c>NOT_FOUND</c>.</returns>
    public static bool IsConflict(GoogleApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status is AlreadyExists or Aborted or FailedPrecondition or NotFound;
    }
}
