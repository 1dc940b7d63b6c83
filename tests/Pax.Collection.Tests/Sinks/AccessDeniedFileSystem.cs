using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Tests.Sinks;

/// <summary>
/// A folder the process may not write: creating a file fails the way .NET reports EACCES on Unix and
/// ERROR_ACCESS_DENIED on Windows — <see cref="UnauthorizedAccessException"/> "Access to the path '…' is denied."
/// (learn.microsoft.com/dotnet/api/system.io.filestream.-ctor: "UnauthorizedAccessException: The access requested is
/// not permitted by the operating system for the specified path").
/// </summary>
internal sealed class AccessDeniedFileSystem : SinkFileSystem
{
    public override Task WriteNewFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
}
