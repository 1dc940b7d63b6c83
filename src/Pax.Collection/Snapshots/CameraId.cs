using System.Diagnostics.CodeAnalysis;

namespace Pax.Collection.Snapshots;

/// <summary>
/// A camera id that is safe to use in a file path or object name: 1–128 characters of ASCII letters, digits,
/// <c>-</c> and <c>_</c>. Ids come from outside (the camera API, a manifest), so they are checked here before
/// they reach a path: <c>/</c>, <c>..</c>, control characters and everything else are rejected with the reason.
/// </summary>
public readonly record struct CameraId
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 128;

    private CameraId(string value) => Value = value;

    /// <summary>Gets the id's text.</summary>
    public string Value { get; }

    /// <summary>Validates <paramref name="text"/> as a camera id.</summary>
    /// <param name="text">The id as received.</param>
    /// <param name="id">The id, when valid.</param>
    /// <param name="reason">Why the id was rejected, when it is not valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a safe id.</returns>
    public static bool TryCreate(string? text, out CameraId id, [NotNullWhen(false)] out string? reason)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            reason = "camera id is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            reason = $"camera id is longer than {MaxLength} characters";
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                reason = $"camera id contains a character that is not allowed in a path ({Describe(c)}); only ASCII letters, digits, '-' and '_' are";
                return false;
            }
        }

        id = new CameraId(text);
        reason = null;
        return true;
    }

    /// <summary>Validates <paramref name="text"/> as a camera id, throwing when it is not safe.</summary>
    /// <param name="text">The id as received.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not a safe camera id.</exception>
    public static CameraId Create(string? text) =>
        TryCreate(text, out var id, out var reason) ? id : throw new ArgumentException(reason, nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static string Describe(char c) =>
        char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";
}
