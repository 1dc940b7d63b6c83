namespace Pax.Collection.Sinks.Internal;

/// <summary>Recognises sink failures that no other snapshot of the run could escape.</summary>
internal static class SinkFailures
{
    // errno(3): ENOSPC is 28 on Linux and macOS; EDQUOT is 122 on Linux, 69 on macOS. .NET on Unix puts the errno in
    // IOException.HResult ("No space left on device : 'path'", checked against /dev/full). On Windows the HResult is
    // 0x80070000 | ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39).
    private const int Enospc = 28;
    private const int LinuxEdquot = 122;
    private const int MacEdquot = 69;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>Returns whether <paramref name="exception"/> says the disk (or the user's quota) is full.</summary>
    public static bool IsOutOfSpace(Exception exception) => exception is IOException { HResult: var code } && (OperatingSystem.IsWindows()
        ? code is WindowsDiskFull or WindowsHandleDiskFull
        : code == Enospc || code == (OperatingSystem.IsLinux() ? LinuxEdquot : MacEdquot));
}
