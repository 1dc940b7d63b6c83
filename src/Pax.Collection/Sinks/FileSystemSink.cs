using System.Collections.Concurrent;
using Pax.Collection.Sinks.Internal;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Sinks;

/// <summary>
/// Stores snapshots as files under a root folder (the embedded default sink). Create-only: a snapshot is written to a
/// temporary file in the target folder, flushed, then given its name with link(2), which fails when the target
/// exists (without hard links: a move under a per-root lock) — so a reader never sees a partial image, and an existing snapshot is never overwritten.
/// </summary>
/// <remarks>
/// <para>
/// The guarantee holds however the sink is registered or constructed: transient, several instances on one folder, or
/// several processes. The snapshot is put in place with link(2), which refuses an existing name atomically across
/// processes (ext4, XFS, btrfs, APFS, NFSv4 have hard links); .NET's own <c>File.Move(…, overwrite: false)</c> checks and
/// then renames, which two processes can both pass. On a file system without hard links (FAT, exFAT, some network
/// mounts) the sink falls back to that check-and-rename, which holds within one process — every instance on the same
/// root folder moves files into place under one process-wide lock — but not across processes there.
/// </para>
/// <para>
/// Camera ids are case-sensitive. On a case-insensitive file system (the default on macOS and Windows) two ids that
/// differ only in letter case would name one file: the second is then refused with an <see cref="IOException"/> that
/// says so — never merged into the first or reported as already stored. Use a case-sensitive folder or Cloud Storage
/// when the camera list has such ids.
/// </para>
/// <para>
/// A process killed while writing leaves its hidden temporary file (<c>.{name}.{32 hex digits}.tmp</c>) in the slot
/// folder. <see cref="ListSnapshotsAsync"/>, which every run calls first for its slot, removes those in that slot's
/// folder and in the other slot folders of the same day (<c>{yyyy-MM-dd}/*</c>) that were last written at least
/// <see cref="AbandonedTemporaryFileAge"/> ago and that no writer holds open; nothing else is touched.
/// </para>
/// <para>
/// A full disk fails the write with the <see cref="IOException"/> the operating system gives (ENOSPC); the collection
/// run stops on it rather than failing every remaining camera the same way.
/// </para>
/// <para>
/// File writes and the flush to disk block a thread on Linux, so at most <see cref="Environment.ProcessorCount"/>
/// writes run at once in the process (across all instances); the others wait asynchronously and leave the thread pool free for the fetches.
/// </para>
/// </remarks>
public sealed class FileSystemSink : ISnapshotSink
{
    /// <summary>How long ago a temporary file must have been last written to count as abandoned: one minute, far longer than one write holds it.</summary>
    public static readonly TimeSpan AbandonedTemporaryFileAge = TimeSpan.FromMinutes(1);

    private const string TempSuffix = ".tmp";
    private readonly string _root;
    // Keyed by the full root path, so every instance on one folder shares one gate (a transient registration, two sinks).
    private static readonly ConcurrentDictionary<string, object> MoveGates = new(StringComparer.Ordinal);

    // Never exposes its wait handle, so it needs no disposal. Process-wide: the bound is on blocked threads, not per sink.
    private static readonly SemaphoreSlim WriteSlots = new(Environment.ProcessorCount);

    private readonly object _moveGate;
    private readonly TimeProvider _timeProvider;
    private readonly SinkFileSystem _files;

    /// <summary>Initializes a sink that writes under <paramref name="rootDirectory"/> (created when missing).</summary>
    /// <param name="rootDirectory">The root folder, such as <c>./pax-data</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="rootDirectory"/> is empty.</exception>
    public FileSystemSink(string rootDirectory)
        : this(rootDirectory, TimeProvider.System)
    {
    }

    /// <summary>Initializes a sink that writes under <paramref name="rootDirectory"/> (created when missing).</summary>
    /// <param name="rootDirectory">The root folder, such as <c>./pax-data</c>.</param>
    /// <param name="timeProvider">The clock that tells how old a temporary file is.</param>
    /// <exception cref="ArgumentException"><paramref name="rootDirectory"/> is empty.</exception>
    public FileSystemSink(string rootDirectory, TimeProvider timeProvider)
        : this(rootDirectory, timeProvider, SinkFileSystem.Physical)
    {
    }

    internal FileSystemSink(string rootDirectory, TimeProvider timeProvider, SinkFileSystem files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // Without a trailing separator: "./pax-data/" and "./pax-data" are one root (one move gate, one path check).
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        _timeProvider = timeProvider;
        _files = files;
        _moveGate = MoveGates.GetOrAdd(_root, static _ => new object());
    }

    /// <inheritdoc />
    public string Location => _root;

    /// <inheritdoc />
    public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        var target = ResolvePath(key.ObjectName);
        if (_files.FindStoredName(target) is { } stored)
        {
            return AlreadyStored(target, stored);
        }

        await WriteSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var temp = await WriteTempFileAsync(target, content, cancellationToken).ConfigureAwait(false);
            try
            {
                // Fails when the target appeared meanwhile (another task or execution won the race): link() where the
                // file system has hard links, else check-and-rename, so moves from this process (any instance on this
                // root) are serialized to keep them create-only in any case.
                lock (_moveGate)
                {
                    _files.MoveNew(temp, target);
                }

                return SnapshotWriteResult.Created;
            }
            catch (IOException) when (_files.FindStoredName(target) is not null)
            {
                return AlreadyStored(target, _files.FindStoredName(target)!);
            }
            finally
            {
                _files.Delete(temp);
            }
        }
        finally
        {
            WriteSlots.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Creates the slot's folder; an unusable root throws <see cref="IOException"/> (not a folder, <c>/proc/…</c>) or
    /// <see cref="SnapshotSinkException"/> with <see cref="SnapshotSinkFailure.AccessRefused"/> (the process may not write there).</remarks>
    public Task PrepareSlotAsync(string slotPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = ResolvePath(slotPath);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw AccessRefused(folder, ex);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = ResolvePath(slotPath);
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            RemoveAbandonedTemporaryFiles(folder);
            foreach (var file in _files.EnumerateFiles(folder, "*.jpg"))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith('.'))
                {
                    names.Add($"{slotPath}/{name}");
                }
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw AccessRefused(folder, ex, "the listing");
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
            _files.MoveReplacing(temp, target);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw AccessRefused(Path.GetDirectoryName(target)!, ex);
        }
        finally
        {
            _files.Delete(temp);
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken)
    {
        var path = ResolvePath($"{slotPath}/{ArtifactName.Check(fileName)}");
        try
        {
            return await _files.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw AccessRefused(Path.GetDirectoryName(path)!, ex, "the read");
        }
    }

    private static bool IsOwnTemporaryFile(string name)
    {
        // .{name}.{Guid "N": 32 lower-case hex digits}.tmp, as WriteTempFileAsync names them.
        const int GuidLength = 32;
        var end = name.Length - TempSuffix.Length;
        var guidStart = end - GuidLength;
        return name.Length >= 1 + 1 + 1 + GuidLength + TempSuffix.Length
            && name[0] == '.'
            && name.EndsWith(TempSuffix, StringComparison.Ordinal)
            && name[guidStart - 1] == '.'
            && name.AsSpan(guidStart, GuidLength).IndexOfAnyExcept("0123456789abcdef") < 0;
    }

    private async Task<string> WriteTempFileAsync(string target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await _files.WriteNewFileAsync(temp, content, cancellationToken).ConfigureAwait(false);
            return temp;
        }
        catch (UnauthorizedAccessException ex)
        {
            // EACCES/EPERM (.NET's UnauthorizedAccessException): every other write would be refused the same way.
            throw AccessRefused(Path.GetDirectoryName(target)!, ex);
        }
        catch
        {
            _files.Delete(temp);
            throw;
        }
    }

    private static SnapshotSinkException AccessRefused(string folder, UnauthorizedAccessException exception, string operation = "the write") =>
        new(SnapshotSinkFailure.AccessRefused, $"The folder {folder} refused {operation} ({exception.Message}); let the account the collector runs as read and write there, or choose another --sink.", exception);

    private SnapshotWriteResult AlreadyStored(string target, string storedName)
    {
        var name = Path.GetFileName(target);
        return string.Equals(storedName, name, StringComparison.Ordinal)
            ? SnapshotWriteResult.AlreadyExists
            : throw new IOException($"{name} cannot be stored in {Path.GetDirectoryName(target)}: this folder's file system does not tell letter case apart and already holds {storedName}, the snapshot of a camera whose id differs only in letter case. Camera ids are case-sensitive; use a case-sensitive folder or Cloud Storage.");
    }

    private void RemoveAbandonedTemporaryFiles(string slotFolder)
    {
        // The slot's own folder, and its siblings (the day's other slots) so a run killed in an earlier slot is cleaned
        // up by the next one; never the root itself or anything above it.
        var day = Path.GetDirectoryName(slotFolder)!;
        IEnumerable<string> folders = string.Equals(day, _root, StringComparison.Ordinal) ? [slotFolder] : _files.EnumerateFolders(day).Append(slotFolder).Distinct(StringComparer.Ordinal);
        var cutoff = _timeProvider.GetUtcNow() - AbandonedTemporaryFileAge;
        foreach (var folder in folders)
        {
            foreach (var path in _files.EnumerateFiles(folder, "." + "*" + TempSuffix))
            {
                if (IsOwnTemporaryFile(Path.GetFileName(path)) && _files.GetLastWriteTime(path) <= cutoff)
                {
                    _files.RemoveIfAbandoned(path);
                }
            }
        }
    }

    private string ResolvePath(string relative)
    {
        // Keys and slot paths are validated upstream; this check keeps the sink safe on its own.
        var full = Path.GetFullPath(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!IsBelowRoot(_root, full))
        {
            throw new ArgumentException($"Path '{relative}' leaves the sink's root folder.", nameof(relative));
        }

        return full;
    }

    /// <summary>Returns whether the full path <paramref name="full"/> lies below the folder <paramref name="root"/> (not the root itself).</summary>
    internal static bool IsBelowRoot(string root, string full)
    {
        // A root that already ends with a separator ("/", "C:\\") is not given a second one.
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return full.Length > prefix.Length && full.StartsWith(prefix, StringComparison.Ordinal);
    }
}
