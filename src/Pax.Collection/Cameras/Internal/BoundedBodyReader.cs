using System.Globalization;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// Reads a response body into memory without ever holding more than the limit: an announced length over the limit
/// fails before reading, an unannounced body fails as soon as it passes the limit, and a body that ends before its
/// announced length (or whose connection is cut) fails as truncated.
/// </summary>
internal static class BoundedBodyReader
{
    private const int InitialBufferSize = 32 * 1024;

    public static void ThrowIfAnnouncedTooLarge(long? contentLength, int maxBytes)
    {
        if (contentLength > maxBytes)
        {
            throw new DownloadFailedException(
                CameraFetchFailure.TooLarge,
                string.Format(CultureInfo.InvariantCulture, "the announced Content-Length of {0:N0} bytes is over the {1:N0}-byte limit", contentLength, maxBytes),
                isTransient: false);
        }
    }

    public static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        ThrowIfAnnouncedTooLarge(contentLength, maxBytes);
        return contentLength is { } announced
            ? await ReadAnnouncedAsync(body, (int)announced, cancellationToken).ConfigureAwait(false)
            : await ReadUnannouncedAsync(body, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<ReadOnlyMemory<byte>> ReadAnnouncedAsync(Stream body, int announced, CancellationToken cancellationToken)
    {
        var buffer = new byte[announced];
        var total = 0;
        while (total < announced)
        {
            var read = await ReadChunkAsync(body, buffer.AsMemory(total), total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new DownloadFailedException(
                    CameraFetchFailure.Truncated,
                    string.Format(CultureInfo.InvariantCulture, "the body ended after {0:N0} of {1:N0} announced bytes", total, announced),
                    isTransient: true);
            }

            total += read;
        }

        return buffer;
    }

    private static async ValueTask<ReadOnlyMemory<byte>> ReadUnannouncedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(InitialBufferSize, maxBytes + 1)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                // Grow up to one byte past the limit: reading that byte proves the body is too large.
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
            }

            var read = await ReadChunkAsync(body, buffer.AsMemory(total), total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.AsMemory(0, total);
            }

            total += read;
            if (total > maxBytes)
            {
                throw new DownloadFailedException(
                    CameraFetchFailure.TooLarge,
                    string.Format(CultureInfo.InvariantCulture, "the body passed the {0:N0}-byte limit", maxBytes),
                    isTransient: false);
            }
        }
    }

    private static async ValueTask<int> ReadChunkAsync(Stream body, Memory<byte> destination, int readSoFar, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadFailedException(
                CameraFetchFailure.Truncated,
                string.Format(CultureInfo.InvariantCulture, "the connection was cut after {0:N0} body bytes ({1})", readSoFar, ex.Message),
                isTransient: true,
                innerException: ex);
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation (the caller's or the per-attempt timeout's) surfaces as such, never as a truncated body.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }
}
