using System.Diagnostics.CodeAnalysis;
using Pax.Collection.Sinks.Internal;

namespace Pax.Collection.Sinks;

/// <summary>
/// Where snapshots go, parsed from the <c>Sink</c> setting: a folder (<c>./pax-data</c>) or a Cloud Storage location
/// (<c>gs://bucket</c> or <c>gs://bucket/prefix</c>). Any other text that starts like a URL scheme (<c>ftp://x</c>,
/// <c>s3://b</c>, <c>file:///d</c>, a mistyped <c>gs:/b</c>, a bare <c>ftp:</c>) is refused rather than taken as a
/// folder name; a folder whose name contains ':' is given with a leading <c>./</c>.
/// </summary>
/// <remarks>
/// This is the one parser of the setting: the options validator, <c>AddPaxCollection</c>'s sink factory and the sinks
/// use the value it returns. A sink owns its whole location, so snapshot keys (<see cref="Snapshots.SnapshotKey"/>)
/// are relative to it and a Cloud Storage sink puts the prefix in front of every object name.
/// </remarks>
public sealed record SnapshotSinkLocation
{
    private const string GcsScheme = "gs://";
    private const string Expected = "give a folder (such as ./pax-data or /var/snapshots) or gs://bucket/prefix";

    private SnapshotSinkLocation(SnapshotSinkKind kind, string path, string prefix)
    {
        Kind = kind;
        Path = path;
        Prefix = prefix;
    }

    /// <summary>Gets the kind of place: a folder or Cloud Storage.</summary>
    public SnapshotSinkKind Kind { get; }

    /// <summary>Gets the folder as given, or the bucket's name (without <c>gs://</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the object-name prefix without leading or trailing '/' (Cloud Storage only; empty for folders and for <c>gs://bucket</c>).</summary>
    public string Prefix { get; }

    /// <summary>Parses a sink setting without throwing.</summary>
    /// <param name="text">A folder path, or <c>gs://bucket[/prefix]</c>.</param>
    /// <param name="location">The location, when the text is valid.</param>
    /// <param name="error">Why the text is not a location, when it is not.</param>
    /// <returns>Whether <paramref name="text"/> is a valid location.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SnapshotSinkLocation? location, [NotNullWhen(false)] out string? error)
    {
        try
        {
            location = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            location = null;
            error = ex.Message;
            return false;
        }
    }

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
