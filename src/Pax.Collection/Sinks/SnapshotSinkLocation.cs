using Pax.Collection.Snapshots;
using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Sinks;

/// <summary>
/// Where snapshots go, parsed from the <c>Sink</c> setting: a folder (<c>./pax-data</c>) or a Cloud Storage location
/// (<c>gs://bucket</c> or <c>gs://bucket/prefix</c>).
/// </summary>
/// <param name="Kind">Folder or Cloud Storage.</param>
/// <param name="Path">The folder, or the bucket name.</param>
/// <param name="Prefix">The object-name prefix (Cloud Storage only; empty for folders).</param>
public sealed record SnapshotSinkLocation(SnapshotSinkKind Kind, string Path, string Prefix)
{
    private const string GcsScheme = "gs://";

    /// <summary>Parses a sink setting.</summary>
    /// <param name="text">A folder path, or <c>gs://bucket[/prefix]</c>.</param>
    /// <returns>The location.</returns>
    /// <exception cref="FormatException">The text is empty, or a <c>gs://</c> location has an invalid bucket name or prefix.</exception>
    public static SnapshotSinkLocation Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("The sink is empty; give a folder or gs://bucket/prefix.");
        }

        if (!text.StartsWith(GcsScheme, StringComparison.OrdinalIgnoreCase))
        {
            return new SnapshotSinkLocation(SnapshotSinkKind.FileSystem, text, string.Empty);
        }

        var rest = text[GcsScheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (!BucketName.TryValidate(bucket, out var reason))
        {
            throw new FormatException($"'{bucket}' in sink '{text}' is not a valid bucket name: {reason}");
        }

        try
        {
            return new SnapshotSinkLocation(SnapshotSinkKind.CloudStorage, bucket, SnapshotPrefix.Normalize(prefix));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind == SnapshotSinkKind.FileSystem
        ? Path
        : Prefix.Length == 0 ? $"{GcsScheme}{Path}" : $"{GcsScheme}{Path}/{Prefix}";
}
