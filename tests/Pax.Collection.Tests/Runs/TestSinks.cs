using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Runs;

internal sealed class GatedSink(ISnapshotSink inner, Task gate) : ISnapshotSink
{
    public string Location => inner.Location;

    public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return await inner.WriteAsync(key, content, metadata, cancellationToken);
    }

    public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

    public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) => inner.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken);

    public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
}

internal sealed class RefusingSink(ISnapshotSink inner) : ISnapshotSink
{
    public string Location => "gs://bucket";

    public Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken) =>
        throw new SnapshotSinkException(SnapshotSinkFailure.AccessRefused, "Cloud Storage denied storing (HTTP 403): storage.objects.create denied on bucket 'bucket' — grant roles/storage.objectCreator");

    public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

    public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) => inner.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken);

    public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
}
