using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Tests.Sinks;

/// <summary>
/// A file system without hard links (FAT, exFAT, some network and FUSE mounts): .NET's <c>File.Move(…, overwrite:
/// false)</c> cannot use <c>link()</c>+<c>unlink()</c> there and falls back to checking that the target is missing, then
/// renaming — two steps another writer can slip between (dotnet/runtime FileSystem.Unix.cs, <c>MoveFile</c>: "link
/// not supported … fall back to rename"). The window between the steps is widened so that two unserialised moves of
/// the same target meet in it.
/// </summary>
internal sealed class NoHardLinkFileSystem : SinkFileSystem
{
    private int _inside;
    private int _overlaps;

    /// <summary>Gets how many moves started while another was between its check and its rename.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public override void MoveNew(string source, string target)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            if (File.Exists(target))
            {
                throw new IOException($"The file '{target}' already exists.");
            }

            Thread.SpinWait(20_000);
            File.Move(source, target, overwrite: true);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
