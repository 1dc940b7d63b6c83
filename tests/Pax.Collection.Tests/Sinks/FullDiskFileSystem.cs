using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Tests.Sinks;

/// <summary>
/// A disk that fills up: the first <c>allowedFiles</c> files are written, then every write fails the way .NET reports
/// ENOSPC on Linux — <see cref="IOException"/> with <see cref="Exception.HResult"/> 28 and the message
/// "No space left on device : 'path'" (errno(3); pinned against the runtime by
/// <c>FileSystemSinkFaultTests.The_runtime_reports_a_full_disk_as_IOException_with_errno_28</c>, which writes to /dev/full).
/// Like a real full disk, the failed file is created and partly written before the error, and can be deleted.
/// </summary>
internal sealed class FullDiskFileSystem(int allowedFiles) : SinkFileSystem
{
    public const int Enospc = 28;
    private int _written;
    private int _failed;

    public int FailedWrites => Volatile.Read(ref _failed);

    public override async Task WriteNewFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _written) <= allowedFiles)
        {
            await base.WriteNewFileAsync(path, content, cancellationToken);
            return;
        }

        Interlocked.Increment(ref _failed);
        await base.WriteNewFileAsync(path, content[..Math.Min(1, content.Length)], cancellationToken);
        throw new IOException($"No space left on device : '{path}'", Enospc);
    }
}
