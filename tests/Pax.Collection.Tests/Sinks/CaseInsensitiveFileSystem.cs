using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Tests.Sinks;

/// <summary>
/// A case-insensitive, case-preserving file system (the default of macOS APFS and Windows NTFS) over a real folder:
/// a name finds a file whose stored name differs only in letter case, and creating a file whose name differs only in
/// case from an existing one fails like creating an existing file (.NET's File.Move without overwrite: IOException,
/// EEXIST = 17 on Unix). Listing returns the names as stored.
/// Sources: learn.microsoft.com/windows/wsl/case-sensitivity ("Windows file system treats file and directory names
/// as case-insensitive"); developer.apple.com "APFS … case-insensitive … case-preserving" (APFS FAQ).
/// </summary>
internal sealed class CaseInsensitiveFileSystem : SinkFileSystem
{
    private const int Eexist = 17;

    public override string? FindStoredName(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var name = Path.GetFileName(path);
        return Directory.EnumerateFiles(folder).Select(Path.GetFileName).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    public override void MoveNew(string source, string target)
    {
        if (FindStoredName(target) is { } stored)
        {
            throw new IOException($"The file '{Path.Combine(Path.GetDirectoryName(target)!, stored)}' already exists.", Eexist);
        }

        base.MoveNew(source, target);
    }
}
