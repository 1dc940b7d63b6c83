using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Storage;

public sealed partial class StorageObjectsClient
{
    private const string DefaultContentType = "application/octet-stream";

    /// <summary>
    /// Stores <paramref name="content"/> as object <paramref name="name"/> with a multipart upload
    /// (<c>POST /upload/storage/v1/b/{bucket}/o?uploadType=multipart</c>). The CRC32C of the data goes in the metadata,
    /// so Cloud Storage rejects (HTTP 400) data damaged on the way, and the CRC32C it reports back is checked.
    /// Retried on transient failures only when <see cref="InsertObjectOptions.IfGenerationMatch"/> is set; then a
    /// retry after a lost response answers 412 because the first attempt stored the object.
    /// </summary>
    /// <param name="bucket">The bucket's name.</param>
    /// <param name="name">The object's name; any valid object name (the client encodes it).</param>
    /// <param name="content">The data.</param>
    /// <param name="options">Content type, metadata and preconditions; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object's metadata.</returns>
    /// <exception cref="ArgumentException">The bucket or object name is not valid, or <paramref name="options"/> cannot be sent; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Storage refused the insert; HTTP 412 when a precondition did not hold.</exception>
    /// <exception cref="StorageDataCorruptionException">Cloud Storage reports a CRC32C other than the data's.</exception>
    public async Task<StorageObject> InsertObjectAsync(string bucket, string name, ReadOnlyMemory<byte> content, InsertObjectOptions? options, CancellationToken cancellationToken = default)
    {
        StorageNames.ThrowIfInvalidBucketName(bucket, nameof(bucket));
        StorageNames.ThrowIfInvalidObjectName(name, nameof(name));
        options ??= new InsertObjectOptions();
        options.Validate();

        var crc32c = Crc32c.ComputeBase64(content.Span);
        var operation = StorageOperations.Insert(bucket, createOnly: options.IfGenerationMatch == 0);
        using var request = CreateRequest(HttpMethod.Post, InsertPath(bucket, options), retryable: options.IfGenerationMatch.HasValue);
        request.Content = CreateMultipartContent(name, content, options, crc32c);

        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await GoogleApiExceptionFactory.CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }

        var stored = await ReadJsonAsync(response, GoogleCloudJsonContext.Default.StorageObject, operation, cancellationToken).ConfigureAwait(false);
        VerifyStoredCrc32c(bucket, name, crc32c, stored.Crc32c, "in the object resource");
        VerifyStoredCrc32c(bucket, name, crc32c, GoogleHashHeader.GetCrc32c(response), "in x-goog-hash");
        return stored;
    }

    private static string InsertPath(string bucket, InsertObjectOptions options)
    {
        var path = new StringBuilder($"upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=multipart");
        if (options.IfGenerationMatch is { } match)
        {
            path.Append(CultureInfo.InvariantCulture, $"&ifGenerationMatch={match}");
        }

        if (options.IfGenerationNotMatch is { } notMatch)
        {
            path.Append(CultureInfo.InvariantCulture, $"&ifGenerationNotMatch={notMatch}");
        }

        return path.ToString();
    }

    private static MultipartContent CreateMultipartContent(string name, ReadOnlyMemory<byte> content, InsertObjectOptions options, string crc32c)
    {
        var contentType = options.ContentType ?? DefaultContentType;
        var metadata = new StorageObjectInsertMetadata
        {
            Name = name,
            ContentType = contentType,
            Crc32c = crc32c,
            Metadata = options.Metadata,
        };
        var metadataPart = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(metadata, GoogleCloudJsonContext.Default.StorageObjectInsertMetadata));
        metadataPart.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        var mediaPart = new ReadOnlyMemoryContent(content);
        mediaPart.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartContent("related") { metadataPart, mediaPart };
    }

    private static void VerifyStoredCrc32c(string bucket, string name, string sent, string? reported, string where)
    {
        if (reported is not null && !string.Equals(reported, sent, StringComparison.Ordinal))
        {
            throw new StorageDataCorruptionException(
                bucket,
                name,
                sent,
                reported,
                $"Cloud Storage reports CRC32C {reported} {where} for gs://{bucket}/{name}, but the data sent has CRC32C {sent}: the stored object does not match the upload.");
        }
    }
}
