using System.Runtime.CompilerServices;
using System.Text;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Storage;

public sealed partial class StorageObjectsClient
{
    /// <summary>
    /// Lists the objects of a bucket whose names start with <paramref name="prefix"/>
    /// (<c>GET /storage/v1/b/{bucket}/o?prefix=…</c>), following <c>nextPageToken</c> page by page as it is enumerated.
    /// Each page is retried on transient failures.
    /// </summary>
    /// <param name="bucket">The bucket's name.</param>
    /// <param name="prefix">The name prefix, or <see langword="null"/> or empty for all objects.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The objects in name order.</returns>
    /// <exception cref="ArgumentException">The bucket name is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Storage refused a page (including 404 for a bucket that does not exist).</exception>
    public async IAsyncEnumerable<StorageObject> ListObjectsAsync(string bucket, string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorageNames.ThrowIfInvalidBucketName(bucket, nameof(bucket));

        var operation = StorageOperations.List(bucket);
        string? pageToken = null;
        do
        {
            using var request = CreateRequest(HttpMethod.Get, ListPath(bucket, prefix, pageToken), retryable: true);
            using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await GoogleApiExceptionFactory.CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
            }

            var page = await ReadJsonAsync(response, GoogleCloudJsonContext.Default.StorageObjectList, operation, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }

            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
    }

    private static string ListPath(string bucket, string? prefix, string? pageToken)
    {
        var path = new StringBuilder($"storage/v1/b/{Uri.EscapeDataString(bucket)}/o");
        var separator = '?';
        if (!string.IsNullOrEmpty(prefix))
        {
            path.Append(separator).Append("prefix=").Append(Uri.EscapeDataString(prefix));
            separator = '&';
        }

        if (!string.IsNullOrEmpty(pageToken))
        {
            path.Append(separator).Append("pageToken=").Append(Uri.EscapeDataString(pageToken));
        }

        return path.ToString();
    }
}
