namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// Writes a URL for messages and logs with its user information hidden: <c>https://user:***@host/</c>. A password in
/// a configured URL (such as <c>--camera-api https://user:pass@host</c>) is never printed or logged.
/// </summary>
internal static class RedactedUrl
{
    private const string Hidden = "***";

    /// <summary>Formats <paramref name="url"/> with its password (or, without one, its whole user information) replaced by <c>***</c>.</summary>
    /// <param name="url">The URL, or <see langword="null"/>.</param>
    /// <returns>The text to print; empty for <see langword="null"/>.</returns>
    public static string Format(Uri? url) => url is null ? string.Empty : Format(url.OriginalString);

    /// <summary>
    /// Formats URL text with its user information hidden, whether or not it parses as a URL: whatever lies between
    /// <c>://</c> and the last <c>@</c> before the next <c>/</c>, <c>?</c> or <c>#</c> (RFC 3986 §3.2.1) is replaced,
    /// keeping a user name before <c>:</c>.
    /// </summary>
    /// <param name="text">The URL text, or <see langword="null"/>.</param>
    /// <returns>The text to print; empty for <see langword="null"/>.</returns>
    public static string Format(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var start = text.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        start += 3;
        var end = text.AsSpan(start).IndexOfAny('/', '?', '#');
        var authority = end < 0 ? text.AsSpan(start) : text.AsSpan(start, end);
        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return text;
        }

        var colon = authority[..at].IndexOf(':');
        var user = colon < 0 ? Hidden : $"{authority[..colon]}:{Hidden}";
        return string.Concat(text.AsSpan(0, start), user, text.AsSpan(start + at));
    }
}
