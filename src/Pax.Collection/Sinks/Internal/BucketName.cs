using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Pax.Collection.Sinks.Internal;

/// <summary>Cloud Storage's bucket naming rules (cloud.google.com/storage/docs/buckets#naming), checked before any request.</summary>
internal static class BucketName
{
    /// <summary>
    /// Checks a bucket name: 3–63 characters (up to 222 with dots, 63 per dot-separated part) of lower-case letters,
    /// digits, <c>-</c>, <c>_</c> and <c>.</c>, starting and ending with a letter or digit; not an IP address; not
    /// starting with <c>goog</c> and not containing <c>google</c>.
    /// </summary>
    public static bool TryValidate(string? name, [NotNullWhen(false)] out string? reason)
    {
        reason = GetProblem(name);
        return reason is null;
    }

    private static string? GetProblem(string? name)
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
}
