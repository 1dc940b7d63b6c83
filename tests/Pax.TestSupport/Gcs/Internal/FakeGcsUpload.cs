namespace Pax.TestSupport.Gcs.Internal;

/// <summary>An upload as parsed, before it is checked and stored.</summary>
/// <param name="Name">The object name, or <see langword="null"/> when the request gave none.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Data">The media.</param>
/// <param name="Metadata">The custom metadata.</param>
/// <param name="Crc32c">The CRC32C the client supplied in the metadata, if any.</param>
/// <param name="Md5Hash">The MD5 the client supplied in the metadata, if any.</param>
internal sealed record FakeGcsUpload(
    string? Name,
    string ContentType,
    byte[] Data,
    IReadOnlyDictionary<string, string> Metadata,
    string? Crc32c,
    string? Md5Hash);
