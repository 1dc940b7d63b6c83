namespace Pax.Collection.Runs;

/// <summary>
/// A collection run could not do its work: the camera list could not be had, or the sink refused access (no snapshot
/// was written by it), or the sink ran out of space (the run stopped at the first such error; snapshots stored before
/// it are kept). The message says what to fix.
/// </summary>
public sealed class CollectionFailedException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public CollectionFailedException()
        : base("The collection run failed.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    public CollectionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The cause.</param>
    public CollectionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
