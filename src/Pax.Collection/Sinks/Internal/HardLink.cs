using System.Runtime.InteropServices;

namespace Pax.Collection.Sinks.Internal;

/// <summary>
/// <c>link(2)</c> on Unix: gives a file a second name and fails with <c>EEXIST</c> when that name exists, atomically,
/// across processes (POSIX.1-2017 <c>link</c>: "If path2 names an existing file … link() shall fail"). .NET's
/// <c>File.Move(…, overwrite: false)</c> checks that the target is missing and then renames — two steps another process
/// can slip between (measured here on ext4: two racing writers both "created" the same snapshot) — so the sink makes the
/// create-only step itself.
/// </summary>
internal static partial class HardLink
{
    // errno(3) on Linux and macOS.
    private const int Eexist = 17;

    /// <summary>What <see cref="TryCreate"/> did.</summary>
    public enum Outcome
    {
        /// <summary>The new name was created.</summary>
        Created,

        /// <summary>The new name already existed; nothing was changed.</summary>
        Exists,

        /// <summary>The file system (or platform) has no hard links; nothing was changed.</summary>
        Unsupported,
    }

    /// <summary>Creates <paramref name="newPath"/> as a second name of <paramref name="existingPath"/>.</summary>
    /// <exception cref="IOException">link() failed for another reason than an existing name or missing support.</exception>
    public static Outcome TryCreate(string existingPath, string newPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return Outcome.Unsupported;
        }

        if (Link(existingPath, newPath) == 0)
        {
            return Outcome.Created;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno switch
        {
            Eexist => Outcome.Exists,

            // EPERM (1): "the file system containing path1 does not support the creation of hard links" (Linux link(2));
            // ENOTSUP (95 Linux, 45 macOS), ENOSYS (38 Linux, 78 macOS): no link() there.
            1 or 95 or 45 or 38 or 78 => Outcome.Unsupported,
            _ => throw new IOException($"Could not store {newPath}: link() failed with errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)}).", errno),
        };
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);
}
