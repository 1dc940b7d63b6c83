using System.Net;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Storage;

public sealed partial class StorageObjectsClient
{
    /// <summary>
    /// Downloads an object's data (<c>GET /storage/v1/b/{bucket}/o/{object}?alt=media</c>) and checks it against the
    /// CRC32C in the <c>x-goog-hash</c> response header. Retried on transient failures, including a body cut short.
    /// </summary>
    /// <param name="bucket">The bucket's name.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The data, or <see langword="null"/> when Cloud Storage answers 404 (no such object or bucket).</returns>
    /// <exception cref="ArgumentException">The bucket or object name is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Storage refused the call.</exception>
    /// <exception cref="StorageDataCorruptionException">The data does not match the server's CRC32C.</exception>
    public async Task<byte[]?> DownloadObjectAsync(string bucket, string name, CancellationToken cancellationToken = default)
    {
        StorageNames.ThrowIfInvalidBucketName(bucket, nameof(bucket));
        StorageNames.ThrowIfInvalidObjectName(name, nameof(name));

        var operation = StorageOperations.Get(bucket, name);
        using var request = CreateRequest(HttpMethod.Get, ObjectPath(bucket, name) + "?alt=media", retryable: true);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await GoogleApiExceptionFactory.CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }

        var data = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (GoogleHashHeader.GetCrc32c(response) is { } expected)
        {
            var actual = Crc32c.ComputeBase64(data);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw new StorageDataCorruptionException(
                    bucket,
                    name,
                    expected,
                    actual,
                    $"Downloaded gs://{bucket}/{name} has CRC32C {actual}, but Cloud Storage reports {expected} in x-goog-hash: the data was damaged on the way.");
            }
        }

        return data;
    }
}
