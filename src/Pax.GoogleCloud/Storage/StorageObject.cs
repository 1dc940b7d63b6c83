using System.Text.Json.Serialization;

namespace Pax.GoogleCloud.Storage;

/// <summary>
/// A Cloud Storage object's metadata: the JSON API's Object resource (cloud.google.com/storage/docs/json_api/v1/objects).
/// The wire carries <c>generation</c>, <c>metageneration</c> and <c>size</c> as strings; here they are numbers.
/// </summary>
public sealed record StorageObject
{
    /// <summary>Gets the object's name within its bucket.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the bucket's name.</summary>
    public required string Bucket { get; init; }

    /// <summary>Gets the content generation; it changes each time the object's data is replaced.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long Generation { get; init; }

    /// <summary>Gets the metadata generation of this content generation; it changes when metadata is updated.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long Metageneration { get; init; }

    /// <summary>Gets the size of the data in bytes.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long Size { get; init; }

    /// <summary>Gets the data's MIME type, or <see langword="null"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the data's Content-Encoding (such as <c>gzip</c>), or <see langword="null"/>.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>Gets the Cache-Control directive served with the data, or <see langword="null"/>.</summary>
    public string? CacheControl { get; init; }

    /// <summary>Gets the CRC32C checksum: base64 of the big-endian 4-byte value.</summary>
    public string? Crc32c { get; init; }

    /// <summary>Gets the MD5 hash in base64; absent for composite objects.</summary>
    public string? Md5Hash { get; init; }

    /// <summary>Gets the HTTP 1.1 entity tag.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>Gets the storage class, such as <c>STANDARD</c>.</summary>
    public string? StorageClass { get; init; }

    /// <summary>Gets the user-provided metadata, or <see langword="null"/> when there is none.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Gets when the object was created.</summary>
    public DateTimeOffset? TimeCreated { get; init; }

    /// <summary>Gets when the object's metadata was last updated.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Gets the object's id: <c>{bucket}/{name}/{generation}</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the link to the object's metadata.</summary>
    public string? SelfLink { get; init; }

    /// <summary>Gets the link to download the object's data.</summary>
    public string? MediaLink { get; init; }
}
