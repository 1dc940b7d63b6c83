using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.IntegrationTests.Collector;

/// <summary>
/// A folder sink on a disk that fills up after <c>allowedWrites</c> snapshots: later writes fail the way .NET reports
/// ENOSPC on Linux (IOException, HResult 28, "No space left on device : 'path'"; pinned against /dev/full by
/// Pax.Collection.Tests' FileSystemSinkFaultTests).
/// </summary>
internal sealed class FullDiskSink(ISnapshotSink inner, int allowedWrites) : ISnapshotSink
{
    private int _writes;

    public string Location => inner.Location;

    public Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _writes) <= allowedWrites
            ? inner.WriteAsync(key, content, metadata, cancellationToken)
            : throw new IOException($"No space left on device : '{Path.Combine(inner.Location, key.ObjectName)}'", 28);

    public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

    public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        throw new IOException($"No space left on device : '{Path.Combine(inner.Location, slotPath, fileName)}'", 28);

    public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
}
