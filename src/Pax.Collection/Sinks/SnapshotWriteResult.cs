namespace Pax.Collection.Sinks;

/// <summary>The outcome of <see cref="ISnapshotSink.WriteAsync"/>.</summary>
public enum SnapshotWriteResult
{
    /// <summary>This call stored the snapshot.</summary>
    Created,

    /// <summary>A snapshot with the same key was already stored; nothing was written.</summary>
    AlreadyExists,
}
