namespace Pax.Collection.Sinks.Internal;

/// <summary>
/// The file operations <see cref="FileSystemSink"/> makes, in one place, so tests can stand in for what a real disk
/// does (fill up, ignore letter case) without a special mount. <see cref="Physical"/> is the real file system.
/// </summary>
internal class SinkFileSystem
{
    /// <summary>Gets the real file system.</summary>
    public static SinkFileSystem Physical { get; } = new();

    /// <summary>Creates <paramref name="path"/> (failing when it exists), writes <paramref name="content"/> and flushes it to disk.</summary>
    public virtual async Task WriteNewFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        // FileShare.None takes an exclusive advisory lock (flock) on Unix while the file is open, which is how
        // RemoveIfAbandoned tells a live writer's temporary file from an abandoned one.
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Moves a file to <paramref name="target"/>, failing with <see cref="IOException"/> when the target exists. On Unix
    /// the target is created with link(), which refuses an existing name atomically across processes; where the file
    /// system has no hard links (and on Windows, whose MoveFileEx without MOVEFILE_REPLACE_EXISTING refuses an
    /// existing name itself) it falls back to <see cref="File.Move(string, string, bool)"/>.
    /// </summary>
    public virtual void MoveNew(string source, string target)
    {
        switch (HardLink.TryCreate(source, target))
        {
            case HardLink.Outcome.Created:
                File.Delete(source);
                break;
            case HardLink.Outcome.Exists:
                throw new IOException($"The file '{target}' already exists.");
            default:
                File.Move(source, target, overwrite: false);
                break;
        }
    }

    /// <summary>Moves a file to <paramref name="target"/>, replacing it.</summary>
    public virtual void MoveReplacing(string source, string target) => File.Move(source, target, overwrite: true);

    /// <summary>Deletes a file; no error when it is missing.</summary>
    public virtual void Delete(string path) => File.Delete(path);

    /// <summary>
    /// Returns the name, as stored, of the file that <paramref name="path"/> opens, or <see langword="null"/> when it
    /// opens none. On a case-insensitive file system that name may differ from the requested one in letter case.
    /// </summary>
    public virtual string? FindStoredName(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var name = Path.GetFileName(path);
        string? other = null;
        var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = 0, RecurseSubdirectories = false };
        foreach (var candidate in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, name, options))
        {
            var stored = Path.GetFileName(candidate);
            if (string.Equals(stored, name, StringComparison.Ordinal))
            {
                return stored;
            }

            other ??= stored;
        }

        return other ?? name;
    }

    /// <summary>Reads a whole file.</summary>
    public virtual Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) => File.ReadAllBytesAsync(path, cancellationToken);

    /// <summary>Lists the files of a folder matching a pattern (full paths, names as stored); empty when the folder is missing.</summary>
    public virtual IEnumerable<string> EnumerateFiles(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false })
            : [];

    /// <summary>Lists the sub-folders of a folder (full paths); empty when the folder is missing.</summary>
    public virtual IEnumerable<string> EnumerateFolders(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateDirectories(folder) : [];

    /// <summary>Gets when a file was last written.</summary>
    public virtual DateTimeOffset GetLastWriteTime(string path) => new(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);

    /// <summary>
    /// Deletes a temporary file unless a writer still holds it open (its exclusive lock is taken); returns whether it was deleted.
    /// </summary>
    public virtual bool RemoveIfAbandoned(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
