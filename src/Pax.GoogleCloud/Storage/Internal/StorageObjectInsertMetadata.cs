namespace Pax.GoogleCloud.Storage.Internal;

/// <summary>The JSON part of a multipart upload: the object's metadata, with the CRC32C the server checks the data against.</summary>
internal sealed class StorageObjectInsertMetadata
{
    public required string Name { get; init; }

    public required string ContentType { get; init; }

    public required string Crc32c { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
