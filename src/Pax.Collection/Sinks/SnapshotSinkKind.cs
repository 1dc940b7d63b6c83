namespace Pax.Collection.Sinks;

/// <summary>The kind of place snapshots go.</summary>
public enum SnapshotSinkKind
{
    /// <summary>A folder on the local file system (<see cref="FileSystemSink"/>).</summary>
    FileSystem,

    /// <summary>A Cloud Storage bucket (<see cref="GcsSnapshotSink"/>).</summary>
    CloudStorage,
}
