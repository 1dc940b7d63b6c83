namespace Pax.Collection.Sinks.Internal;

/// <summary>Checks and normalizes the object-name prefix of a Cloud Storage sink (<c>gs://bucket/prefix</c>) and the slot paths sinks are given.</summary>
internal static class SnapshotPrefix
{
    /// <summary>
    /// Trims surrounding '/' and checks that every segment is a plain name: not empty, not <c>.</c> or <c>..</c>,
    /// no '\', no control characters, no <c>#[]*?</c> (they break gcloud/gsutil wildcards and URLs).
    /// </summary>
    /// <param name="prefix">The prefix as configured; <see langword="null"/> means none.</param>
    /// <returns>The prefix without leading or trailing '/', or empty.</returns>
    /// <exception cref="ArgumentException">A segment is not a plain name.</exception>
    public static string Normalize(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        var trimmed = prefix.Trim('/');
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                throw new ArgumentException($"Snapshot prefix '{prefix}' has an empty, '.' or '..' segment.", nameof(prefix));
            }

            foreach (var c in segment)
            {
                if (char.IsControl(c) || c is '\\' or '#' or '[' or ']' or '*' or '?')
                {
                    throw new ArgumentException($"Snapshot prefix '{prefix}' contains a character that is not allowed in object names (U+{(int)c:X4}).", nameof(prefix));
                }
            }
        }

        return trimmed;
    }
}
