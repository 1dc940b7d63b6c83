using System.Net;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Storage;

public sealed partial class StorageObjectsClient
{
    /// <summary>
    /// Gets an object's metadata (<c>GET /storage/v1/b/{bucket}/o/{object}</c>, the name fully percent-encoded).
    /// Retried on transient failures.
    /// </summary>
    /// <param name="bucket">The bucket's name.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata, or <see langword="null"/> when Cloud Storage answers 404 (no such object or bucket).</returns>
    /// <exception cref="ArgumentException">The bucket or object name is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Storage refused the call.</exception>
    public async Task<StorageObject?> GetObjectAsync(string bucket, string name, CancellationToken cancellationToken = default)
    {
        StorageNames.ThrowIfInvalidBucketName(bucket, nameof(bucket));
        StorageNames.ThrowIfInvalidObjectName(name, nameof(name));

        var operation = StorageOperations.Get(bucket, name);
        using var request = CreateRequest(HttpMethod.Get, ObjectPath(bucket, name), retryable: true);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await GoogleApiExceptionFactory.CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, GoogleCloudJsonContext.Default.StorageObject, operation, cancellationToken).ConfigureAwait(false);
    }
}
