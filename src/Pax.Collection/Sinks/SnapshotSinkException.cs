namespace Pax.Collection.Sinks;

/// <summary>
/// A sink could not store, list or read: access refused, unavailable after its retries, or a request refused. Sinks
/// throw this (never their storage client's own exception type), so callers of <see cref="ISnapshotSink"/> handle one
/// type whatever the sink; the message says what to fix (for Cloud Storage, the role to grant) and
/// <see cref="Exception.InnerException"/> keeps the client's error.
/// </summary>
public sealed class SnapshotSinkException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public SnapshotSinkException()
        : this(SnapshotSinkFailure.Unavailable, "The snapshot sink failed.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    public SnapshotSinkException(string message)
        : this(SnapshotSinkFailure.Unavailable, message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The storage client's error.</param>
    public SnapshotSinkException(string message, Exception innerException)
        : this(SnapshotSinkFailure.Unavailable, message, innerException)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="failure">Why the sink failed.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The storage client's error, if any.</param>
    public SnapshotSinkException(SnapshotSinkFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Gets why the sink failed.</summary>
    public SnapshotSinkFailure Failure { get; }
}
