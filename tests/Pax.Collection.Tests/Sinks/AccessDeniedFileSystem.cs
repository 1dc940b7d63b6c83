using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Tests.Sinks;

/// <summary>
/// A folder the process may not use: each refused call fails the way .NET reports EACCES on Unix and
/// ERROR_ACCESS_DENIED on Windows — <see cref="UnauthorizedAccessException"/> "Access to the path '…' is denied."
/// (learn.microsoft.com/dotnet/api/system.io.filestream.-ctor, …/system.io.directory.enumeratefiles,
/// …/system.io.file.move, …/system.io.file.readallbytesasync: "UnauthorizedAccessException: … the caller does not have
/// the required permission"). Writes are refused by default; listing, replacing and reading only when asked.
/// </summary>
internal sealed class AccessDeniedFileSystem : SinkFileSystem
{
    public bool RefuseWrites { get; init; } = true;

    public bool RefuseListing { get; init; }

    public bool RefuseReplacing { get; init; }

    public bool RefuseReading { get; init; }

    public override Task WriteNewFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        RefuseWrites ? throw Denied(path) : base.WriteNewFileAsync(path, content, cancellationToken);

    public override IEnumerable<string> EnumerateFiles(string folder, string pattern) =>
        RefuseListing ? throw Denied(folder) : base.EnumerateFiles(folder, pattern);

    public override void MoveReplacing(string source, string target)
    {
        if (RefuseReplacing)
        {
            throw Denied(target);
        }

        base.MoveReplacing(source, target);
    }

    public override Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) =>
        RefuseReading ? throw Denied(path) : base.ReadAllBytesAsync(path, cancellationToken);

    private static UnauthorizedAccessException Denied(string path) => new($"Access to the path '{path}' is denied.");
}
