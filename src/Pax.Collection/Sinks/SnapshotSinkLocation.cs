using Pax.Collection.Snapshots;
using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Sinks;

/// <summary>
/// Where snapshots go, parsed from the <c>Sink</c> setting: a folder (<c>./pax-data</c>) or a Cloud Storage location
/// (<c>gs://bucket</c> or <c>gs://bucket/prefix</c>). Any other text that starts like a URL scheme (<c>ftp://x</c>,
/// <c>s3://b</c>, <c>file:///d</c>, a mistyped <c>gs:/b</c>, a bare <c>ftp:</c>) is refused rather than taken as a
/// folder name; a folder whose name contains ':' is given with a leading <c>./</c>.
/// </summary>
/// <param name="Kind">Folder or Cloud Storage.</param>
/// <param name="Path">The folder, or the bucket name.</param>
/// <param name="Prefix">The object-name prefix (Cloud Storage only; empty for folders).</param>
public sealed record SnapshotSinkLocation(SnapshotSinkKind Kind, string Path, string Prefix)
{
    private const string GcsScheme = "gs://";
    private const string Expected = "give a folder (such as ./pax-data or /var/snapshots) or gs://bucket/prefix";

    /// <summary>Parses a sink setting.</summary>
    /// <param name="text">A folder path, or <c>gs://bucket[/prefix]</c>.</param>
    /// <returns>The location.</returns>
    /// <exception cref="FormatException">
    /// The text is empty, starts with a URL scheme other than <c>gs://</c> (or a mistyped one), or a <c>gs://</c>
    /// location has an invalid bucket name or prefix.
    /// </exception>
    public static SnapshotSinkLocation Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"The sink is empty; {Expected}.");
        }

        if (!text.StartsWith(GcsScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (SchemeOf(text) is { } scheme)
            {
                throw new FormatException(
                    string.Equals(scheme, "gs", StringComparison.OrdinalIgnoreCase) ? $"The sink '{text}' is not a Cloud Storage location; write it gs://bucket/prefix."
                    : text.Contains("://", StringComparison.Ordinal) ? $"The sink '{text}' uses the scheme '{scheme}', which Pax does not write to; {Expected}."
                    : $"The sink '{text}' starts like a URL scheme ('{scheme}:'); {Expected}. A folder whose name contains ':' is written ./{text}.");
            }

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

    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'. A Windows drive ("C:\data",
    // "C:/data") has the same shape and stays a folder on Windows.
    private static string? SchemeOf(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(text[0]))
        {
            return null;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
            {
                return null;
            }
        }

        var isDrive = colon == 1 && text.Length > 2 && (text[2] is '\\' or '/') && !text.AsSpan(2).StartsWith("//", StringComparison.Ordinal);
        return isDrive && OperatingSystem.IsWindows() ? null : text[..colon];
    }

    /// <inheritdoc />
    public override string ToString() => Kind == SnapshotSinkKind.FileSystem
        ? Path
        : Prefix.Length == 0 ? $"{GcsScheme}{Path}" : $"{GcsScheme}{Path}/{Prefix}";
}
