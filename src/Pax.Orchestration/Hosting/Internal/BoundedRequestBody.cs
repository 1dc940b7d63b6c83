using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// Reads a request body up to a limit, however it is framed: a <c>Content-Length</c> over the limit and a chunked
/// body that grows past it are treated alike, and no more than the limit (plus one read buffer) is ever held. A body
/// over the server's own limit (Kestrel's <c>MaxRequestBodySize</c>, 30,000,000 bytes by default, which Kestrel enforces
/// by throwing a 413 <see cref="BadHttpRequestException"/> from the read — at the first read when <c>Content-Length</c>
/// declares more) is an over-limit body too, never an exception: <see cref="Result.OverServerLimit"/> says so.
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
        catch (BadHttpRequestException ex) when (IsOverServerLimit(ex))
        {
            return new Result(null, Math.Max(buffer.Length, request.ContentLength ?? 0), buffer.ToArray(), OverServerLimit: true);
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
    /// <paramref name="observe"/> until it returns <see langword="false"/> or <paramref name="maxBytes"/> were read, or the
    /// server refuses to read further (<c>OverServerLimit</c>).
    /// </summary>
    public static async Task<(byte[] Head, long Read, bool OverServerLimit)> SkimAsync(
        HttpRequest request, byte[] prefix, int headLength, long maxBytes, Func<ReadOnlyMemory<byte>, bool> observe, CancellationToken cancellationToken)
    {
        using var head = new MemoryStream();
        head.Write(prefix, 0, Math.Min(prefix.Length, headLength));
        long total = prefix.Length;
        var observing = prefix.Length == 0 || observe(prefix);
        var chunk = new byte[BufferSize];
        int read;
        try
        {
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
        }
        catch (BadHttpRequestException ex) when (IsOverServerLimit(ex))
        {
            return (head.ToArray(), total, true);
        }

        return (head.ToArray(), total, false);
    }

    private static bool IsOverServerLimit(BadHttpRequestException exception) => exception.StatusCode == StatusCodes.Status413PayloadTooLarge;

    /// <summary>
    /// The body, or <see langword="null"/> when it is over the limit; how many bytes were seen (or declared); over the
    /// limit, what was read before that was clear; and whether the server's own limit stopped the read.
    /// </summary>
    public readonly record struct Result(byte[]? Body, long Size, byte[] Prefix, bool OverServerLimit = false);
}
