using Pax.Collection.Snapshots;

namespace Pax.Collection.Sinks;

/// <summary>
/// Stores snapshots, create-only: a key that is already stored is never overwritten.
/// Writing the same key twice stores one object, so a re-run or a retried task adds nothing twice and loses nothing.
/// </summary>
/// <remarks>
/// A sink owns its location (<see cref="SnapshotSinkLocation"/>): keys and slot paths are relative to it, and a Cloud
/// Storage sink puts its prefix in front of them. A sink that cannot do its work throws
/// <see cref="SnapshotSinkException"/> (<see cref="SnapshotSinkFailure.AccessRefused"/>,
/// <see cref="SnapshotSinkFailure.Unavailable"/>, <see cref="SnapshotSinkFailure.Rejected"/>) — never its storage
/// client's own exception type; a folder sink may also throw <see cref="IOException"/> (a full disk).
/// </remarks>
public interface ISnapshotSink
{
    /// <summary>Gets where snapshots go, for logs and reports: the folder's full path, or <c>gs://bucket/prefix</c> (<c>gs://bucket</c> without a prefix).</summary>
    string Location { get; }

    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="key"/> unless an object with that key exists.
    /// </summary>
    /// <param name="key">The snapshot's key (camera and slot).</param>
    /// <param name="content">The image bytes.</param>
    /// <param name="metadata">Descriptive metadata stored with the object where the sink supports it.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write leaves no partial object behind.</param>
    /// <returns><see cref="SnapshotWriteResult.Created"/> when this call stored the object, <see cref="SnapshotWriteResult.AlreadyExists"/> when it was there already.</returns>
    Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure the sink can take the slot's snapshots before any camera is fetched (a folder sink creates the slot's
    /// folder), so a sink that cannot be used fails the run at once. The default does nothing: Cloud Storage's
    /// permissions show with the first list or write.
    /// </summary>
    /// <param name="slotPath">The slot's relative folder, as given by <see cref="SnapshotKey.SlotPath"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the sink is ready.</returns>
    Task PrepareSlotAsync(string slotPath, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Lists the snapshots already stored in a slot, so a re-run fetches only what is missing.
    /// </summary>
    /// <param name="slotPath">The slot's relative folder, as given by <see cref="SnapshotKey.SlotPath"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The <see cref="SnapshotKey.ObjectName"/>s of the <c>.jpg</c> snapshots directly in that folder (ordinal comparison).</returns>
    Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a UTF-8 text artifact of the run (such as <c>report.json</c>) next to the slot's snapshots, replacing an earlier version.
    /// </summary>
    /// <param name="slotPath">The slot's relative folder, as given by <see cref="SnapshotKey.SlotPath"/>.</param>
    /// <param name="fileName">The artifact's file name, such as <c>report.json</c>.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">The MIME type, such as <c>application/json</c>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the artifact is stored.</returns>
    Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a run artifact written by <see cref="WriteArtifactAsync"/>, or returns <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="slotPath">The slot's relative folder.</param>
    /// <param name="fileName">The artifact's file name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes, or <see langword="null"/>.</returns>
    Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken);
}
