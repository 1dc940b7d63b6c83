using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace Pax.GoogleCloud.Storage;

/// <summary>
/// Cloud Storage's naming rules for buckets (cloud.google.com/storage/docs/buckets#naming) and objects
/// (cloud.google.com/storage/docs/objects#naming), checked before a request is sent.
/// </summary>
public static class StorageNames
{
    /// <summary>The longest object name, in UTF-8 bytes: 1024.</summary>
    public const int MaxObjectNameBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Checks a bucket name: 3–63 characters (up to 222 with dots, 63 per dot-separated part) of lower-case letters,
    /// digits, <c>-</c>, <c>_</c> and <c>.</c>, starting and ending with a letter or digit; not an IP address; not
    /// starting with <c>goog</c> and not containing <c>google</c>.
    /// </summary>
    /// <param name="name">The bucket name (without <c>gs://</c>).</param>
    /// <param name="reason">Why the name is rejected, when it is.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool TryValidateBucketName(string? name, [NotNullWhen(false)] out string? reason)
    {
        reason = GetBucketNameProblem(name);
        return reason is null;
    }

    /// <summary>
    /// Checks an object name: 1–1024 bytes of valid UTF-8, no carriage return or line feed, not <c>.</c> or <c>..</c>,
    /// not starting with <c>.well-known/acme-challenge/</c>.
    /// </summary>
    /// <param name="name">The object name.</param>
    /// <param name="reason">Why the name is rejected, when it is.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool TryValidateObjectName(string? name, [NotNullWhen(false)] out string? reason)
    {
        reason = GetObjectNameProblem(name);
        return reason is null;
    }

    internal static void ThrowIfInvalidBucketName(string? name, string parameterName)
    {
        if (!TryValidateBucketName(name, out var reason))
        {
            throw new ArgumentException(reason, parameterName);
        }
    }

    internal static void ThrowIfInvalidObjectName(string? name, string parameterName)
    {
        if (!TryValidateObjectName(name, out var reason))
        {
            throw new ArgumentException(reason, parameterName);
        }
    }

    private static string? GetBucketNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Bucket name is empty.";
        }

        if (name.StartsWith("gs://", StringComparison.OrdinalIgnoreCase))
        {
            return $"Bucket name '{name}' must be given without the gs:// scheme.";
        }

        var maxLength = name.Contains('.', StringComparison.Ordinal) ? 222 : 63;
        if (name.Length < 3 || name.Length > maxLength)
        {
            return $"Bucket name '{name}' must be 3 to {maxLength} characters long.";
        }

        if (name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')))
        {
            return $"Bucket name '{name}' may contain only lower-case letters, digits, '-', '_' and '.'.";
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return $"Bucket name '{name}' must start and end with a letter or digit.";
        }

        if (name.Split('.').Any(part => part.Length is 0 or > 63))
        {
            return $"Bucket name '{name}' has an empty dot-separated part or one longer than 63 characters.";
        }

        if (IPAddress.TryParse(name, out _) && name.Count(c => c == '.') == 3)
        {
            return $"Bucket name '{name}' must not be an IP address.";
        }

        if (name.StartsWith("goog", StringComparison.Ordinal) || name.Contains("google", StringComparison.Ordinal) || name.Contains("g00gle", StringComparison.Ordinal))
        {
            return $"Bucket name '{name}' must not start with 'goog' or contain 'google'.";
        }

        return null;
    }

    private static string? GetObjectNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Object name is empty.";
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            return $"Object name '{name}' is not valid Unicode (unpaired surrogate).";
        }

        if (bytes > MaxObjectNameBytes)
        {
            return $"Object name is {bytes} bytes of UTF-8; at most {MaxObjectNameBytes} are allowed.";
        }

        if (name.Contains('\r', StringComparison.Ordinal) || name.Contains('\n', StringComparison.Ordinal))
        {
            return $"Object name '{name.ReplaceLineEndings(" ")}' contains a carriage return or line feed.";
        }

        if (name is "." or "..")
        {
            return $"Object name '{name}' is not allowed.";
        }

        if (name.StartsWith(".well-known/acme-challenge/", StringComparison.Ordinal))
        {
            return $"Object name '{name}' must not start with '.well-known/acme-challenge/'.";
        }

        return null;
    }
}
