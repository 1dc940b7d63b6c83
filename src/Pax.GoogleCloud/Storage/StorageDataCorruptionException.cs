namespace Pax.GoogleCloud.Storage;

/// <summary>
/// The data Cloud Storage reports does not match the data sent or received: the CRC32C the server returned for an
/// upload differs from the one computed before sending, or downloaded bytes do not match the server's
/// <c>x-goog-hash</c>. Not retried: treat the object as suspect (re-upload with a generation precondition, or download again).
/// </summary>
public sealed class StorageDataCorruptionException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="objectName">The object's name.</param>
    /// <param name="expectedCrc32c">The CRC32C expected (base64).</param>
    /// <param name="actualCrc32c">The CRC32C found (base64).</param>
    /// <param name="message">The message.</param>
    public StorageDataCorruptionException(string bucket, string objectName, string expectedCrc32c, string actualCrc32c, string message)
        : base(message)
    {
        Bucket = bucket;
        ObjectName = objectName;
        ExpectedCrc32c = expectedCrc32c;
        ActualCrc32c = actualCrc32c;
    }

    /// <summary>Gets the bucket.</summary>
    public string Bucket { get; }

    /// <summary>Gets the object's name.</summary>
    public string ObjectName { get; }

    /// <summary>Gets the CRC32C expected (base64 of the big-endian value).</summary>
    public string ExpectedCrc32c { get; }

    /// <summary>Gets the CRC32C found (base64 of the big-endian value).</summary>
    public string ActualCrc32c { get; }
}
