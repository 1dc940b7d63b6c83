using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// Reads a request body up to a limit, however it is framed: a <c>Content-Length</c> over the limit and a chunked
/// body that grows past it are treated alike, and no more than the limit (plus one read buffer) is ever held.
/// </summary>
internal static class BoundedRequestBody
{
    private const int BufferSize = 16 * 1024;

    /// <summary>Reads the whole body when it holds at most <paramref name="limit"/> bytes; otherwise <see cref="Result.Body"/> is <see langword="null"/> and the rest is left unread.</summary>
    public static async Task<Result> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return new Result(null, declared, []);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return new Result(null, buffer.Length, buffer.ToArray());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new Result(buffer.ToArray(), buffer.Length, []);
    }

    /// <summary>
    /// Reads the rest of an oversized body without keeping it: returns its first <paramref name="headLength"/> bytes
    /// (<paramref name="prefix"/>, what <see cref="ReadAsync"/> had read already, comes first) and hands every chunk to
    /// <paramref name="observe"/> until it returns <see langword="false"/> or <paramref name="maxBytes"/> were read.
    /// </summary>
    public static async Task<(byte[] Head, long Read)> SkimAsync(
        HttpRequest request, byte[] prefix, int headLength, long maxBytes, Func<ReadOnlyMemory<byte>, bool> observe, CancellationToken cancellationToken)
    {
        using var head = new MemoryStream();
        head.Write(prefix, 0, Math.Min(prefix.Length, headLength));
        long total = prefix.Length;
        var observing = prefix.Length == 0 || observe(prefix);
        var chunk = new byte[BufferSize];
        int read;
        while (total < maxBytes && (read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (head.Length < headLength)
            {
                head.Write(chunk, 0, (int)Math.Min(read, headLength - head.Length));
            }

            total += read;
            observing = observing && observe(chunk.AsMemory(0, read));
            if (!observing && head.Length >= headLength)
            {
                break;
            }
        }

        return (head.ToArray(), total);
    }

    /// <summary>The body, or <see langword="null"/> when it is over the limit; how many bytes were seen (or declared); and, over the limit, what was read before that was clear.</summary>
    public readonly record struct Result(byte[]? Body, long Size, byte[] Prefix);
}
