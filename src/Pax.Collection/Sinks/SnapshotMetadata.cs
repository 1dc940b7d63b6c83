namespace Pax.Collection.Sinks;

/// <summary>Descriptive metadata stored with a snapshot (GCS custom metadata; ignored by sinks that cannot keep it).</summary>
/// <param name="CameraName">The camera's name at fetch time.</param>
/// <param name="FetchedAt">When the image was fetched.</param>
/// <param name="ContentType">The image's MIME type, normally <c>image/jpeg</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
public sealed record SnapshotMetadata(string CameraName, DateTimeOffset FetchedAt, string ContentType, string Sha256);
