namespace Pax.Collection.Snapshots;

/// <summary>
/// Decides whether fetched bytes are a JPEG worth storing: content type, size limits, and the JPEG start-of-image
/// and end-of-image markers (a truncated transfer loses the end marker).
/// </summary>
public sealed class SnapshotValidator
{
    // A JPEG may carry a few padding bytes after its EOI marker; look for the marker near the end only.
    private const int EndMarkerSearchWindow = 32;
    private readonly SnapshotValidationOptions _options;

    /// <summary>Initializes a validator.</summary>
    /// <param name="options">The limits.</param>
    public SnapshotValidator(SnapshotValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Validates one image.</summary>
    /// <param name="content">The bytes as received.</param>
    /// <param name="contentType">The response's Content-Type, or <see langword="null"/> when the server sent none.</param>
    /// <returns>The verdict, with the reason when the image is rejected.</returns>
    public SnapshotValidationResult Validate(ReadOnlySpan<byte> content, string? contentType)
    {
        if (contentType is not null && !IsJpegContentType(contentType))
        {
            return SnapshotValidationResult.Invalid($"content type is '{contentType}', not image/jpeg");
        }

        if (content.Length < _options.MinBytes)
        {
            return SnapshotValidationResult.Invalid($"image is {content.Length} bytes, under the minimum of {_options.MinBytes}");
        }

        if (content.Length > _options.MaxBytes)
        {
            return SnapshotValidationResult.Invalid($"image is {content.Length} bytes, over the maximum of {_options.MaxBytes}");
        }

        if (content[0] != 0xFF || content[1] != 0xD8 || content[2] != 0xFF)
        {
            return SnapshotValidationResult.Invalid("bytes do not start with the JPEG start-of-image marker (FF D8 FF)");
        }

        var tail = content[Math.Max(0, content.Length - EndMarkerSearchWindow)..];
        if (tail.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) < 0)
        {
            return SnapshotValidationResult.Invalid("bytes do not end with the JPEG end-of-image marker (FF D9); the image is truncated");
        }

        return SnapshotValidationResult.Valid;
    }

    private static bool IsJpegContentType(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("image/jpeg", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("image/jpg", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("image/pjpeg", StringComparison.OrdinalIgnoreCase);
    }
}
