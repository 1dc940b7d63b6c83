namespace Pax.TestSupport.Gcs;

/// <summary>An object stored by a <see cref="FakeGcsServer"/> (its live version).</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Generation">The generation, unique and increasing across the server.</param>
/// <param name="Metageneration">The metageneration (always 1: the fake has no metadata updates).</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Data">The data.</param>
/// <param name="Metadata">The custom metadata.</param>
/// <param name="Crc32c">The CRC32C, computed by the server (base64, big-endian).</param>
/// <param name="Md5Hash">The MD5, computed by the server (base64).</param>
/// <param name="TimeCreated">When the server stored it.</param>
public sealed record FakeGcsObject(
    string Bucket,
    string Name,
    long Generation,
    long Metageneration,
    string ContentType,
    byte[] Data,
    IReadOnlyDictionary<string, string> Metadata,
    string Crc32c,
    string Md5Hash,
    DateTimeOffset TimeCreated);
