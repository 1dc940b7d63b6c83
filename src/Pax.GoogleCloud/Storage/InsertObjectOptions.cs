using System.Net.Http.Headers;

namespace Pax.GoogleCloud.Storage;

/// <summary>
/// Options of <see cref="StorageObjectsClient.InsertObjectAsync"/>: content type, custom metadata and generation
/// preconditions. An insert is retried on transient failures only when <see cref="IfGenerationMatch"/> is set.
/// </summary>
public sealed record InsertObjectOptions
{
    /// <summary>Gets the object's MIME type.</summary>
    /// <value>Default <see langword="null"/>, stored as <c>application/octet-stream</c>.</value>
    public string? ContentType { get; init; }

    /// <summary>
    /// Gets the generation the live object must have for the insert to happen; <c>0</c> means "only if no live object
    /// has this name" (create-only). When the condition fails the call throws <see cref="GoogleApiException"/> with
    /// HTTP 412. Setting it makes the insert idempotent, so it is retried on transient failures.
    /// </summary>
    /// <value>Default <see langword="null"/>: no condition, the insert replaces any live object, and it is not retried.</value>
    public long? IfGenerationMatch { get; init; }

    /// <summary>Gets a generation the live object must not have; <c>0</c> means "only if a live object exists".</summary>
    /// <value>Default <see langword="null"/>: no condition. Cannot be combined with <see cref="IfGenerationMatch"/>.</value>
    public long? IfGenerationNotMatch { get; init; }

    /// <summary>Gets the custom metadata stored with the object (served as <c>x-goog-meta-*</c>).</summary>
    /// <value>Default <see langword="null"/>: none.</value>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Throws when the options cannot be sent.</summary>
    /// <exception cref="ArgumentException">A precondition is negative, both preconditions are set, the content type is not a MIME type, or a metadata key is empty or holds a control character.</exception>
    internal void Validate()
    {
        if (IfGenerationMatch < 0)
        {
            throw new ArgumentException($"IfGenerationMatch must be 0 (create only) or a positive generation; was {IfGenerationMatch}.", nameof(IfGenerationMatch));
        }

        if (IfGenerationNotMatch < 0)
        {
            throw new ArgumentException($"IfGenerationNotMatch must be 0 or a positive generation; was {IfGenerationNotMatch}.", nameof(IfGenerationNotMatch));
        }

        if (IfGenerationMatch.HasValue && IfGenerationNotMatch.HasValue)
        {
            throw new ArgumentException("Set at most one of IfGenerationMatch and IfGenerationNotMatch.", nameof(IfGenerationNotMatch));
        }

        if (ContentType is not null && !MediaTypeHeaderValue.TryParse(ContentType, out _))
        {
            throw new ArgumentException($"ContentType '{ContentType}' is not a MIME type such as image/jpeg.", nameof(ContentType));
        }

        foreach (var (key, value) in Metadata ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(key) || key.Any(char.IsControl))
            {
                throw new ArgumentException($"Metadata key '{key}' must be non-empty text without control characters.", nameof(Metadata));
            }

            if (value is null || value.Any(c => c is '\r' or '\n'))
            {
                throw new ArgumentException($"Metadata value of '{key}' must be non-null text without line breaks.", nameof(Metadata));
            }
        }
    }
}
