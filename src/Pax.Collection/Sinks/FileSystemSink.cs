using Pax.Collection.Sinks.Internal;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Sinks;

/// <summary>
/// Stores snapshots as files under a root folder (the embedded default sink). Create-only: a snapshot is written to a
/// temporary file in the target folder, flushed, then moved into place with a rename that fails when the target
/// exists — so a reader never sees a partial image, and an existing snapshot is never overwritten.
/// </summary>
/// <remarks>
/// Across processes, create-only relies on the file system's hard links (ext4, XFS, btrfs, NFSv4 have them); within one
/// process it holds on any file system.
/// File writes and the flush to disk block a thread on Linux, so at most <see cref="Environment.ProcessorCount"/>
/// writes run at once; the others wait asynchronously and leave the thread pool free for the fetches.
/// </remarks>
public sealed class FileSystemSink : ISnapshotSink
{
    private const string TempSuffix = ".tmp";
    private readonly string _root;
    private readonly object _moveGate = new();

    // Never exposes its wait handle, so it needs no disposal.
    private readonly SemaphoreSlim _writeSlots = new(Environment.ProcessorCount);

    /// <summary>Initializes a sink that writes under <paramref name="rootDirectory"/> (created when missing).</summary>
    /// <param name="rootDirectory">The root folder, such as <c>./pax-data</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="rootDirectory"/> is empty.</exception>
    public FileSystemSink(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
    }

    /// <inheritdoc />
    public string Location => _root;

    /// <inheritdoc />
    public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        var target = ResolvePath(key.ObjectName);
        if (File.Exists(target))
        {
            return SnapshotWriteResult.AlreadyExists;
        }

        await _writeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var temp = await WriteTempFileAsync(target, content, cancellationToken).ConfigureAwait(false);
            try
            {
                // overwrite: false fails when the target appeared meanwhile (another task or execution won the race).
                // .NET does that with link()+unlink() where the file system supports hard links; elsewhere it checks
                // and renames, so moves from this process are serialized to keep them create-only in any case.
                lock (_moveGate)
                {
                    File.Move(temp, target, overwrite: false);
                }

                return SnapshotWriteResult.Created;
            }
            catch (IOException) when (File.Exists(target))
            {
                return SnapshotWriteResult.AlreadyExists;
            }
            finally
            {
                File.Delete(temp);
            }
        }
        finally
        {
            _writeSlots.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Creates the slot's folder; an unusable root (read-only, not a folder, <c>/proc/…</c>) throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</remarks>
    public Task PrepareSlotAsync(string slotPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(ResolvePath(slotPath));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = ResolvePath(slotPath);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.jpg"))
            {
                names.Add($"{slotPath}/{Path.GetFileName(file)}");
            }
        }

        return Task.FromResult<IReadOnlySet<string>>(names);
    }

    /// <inheritdoc />
    public async Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var target = ResolvePath($"{slotPath}/{ArtifactName.Check(fileName)}");
        var temp = await WriteTempFileAsync(target, content, cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken)
    {
        var path = ResolvePath($"{slotPath}/{ArtifactName.Check(fileName)}");
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<string> WriteTempFileAsync(string target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private string ResolvePath(string relative)
    {
        // Keys and slot paths are validated upstream; this check keeps the sink safe on its own.
        var full = Path.GetFullPath(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path '{relative}' leaves the sink's root folder.", nameof(relative));
        }

        return full;
    }
}
