namespace Pax.GoogleCloud.Storage.Internal;

/// <summary>
/// Reads <c>x-goog-hash</c>, which holds <c>crc32c=&lt;b64&gt;</c> and <c>md5=&lt;b64&gt;</c> in one header
/// separated by commas or in several headers.
/// </summary>
internal static class GoogleHashHeader
{
    public const string Name = "x-goog-hash";

    /// <summary>Returns the CRC32C the response carries, or <see langword="null"/> when it carries none.</summary>
    public static string? GetCrc32c(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(Name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var entry in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Base64 ends with '=' padding: split at the first '=' only.
                var separator = entry.IndexOf('=', StringComparison.Ordinal);
                if (separator > 0 && entry.AsSpan(0, separator).Equals("crc32c", StringComparison.OrdinalIgnoreCase))
                {
                    return entry[(separator + 1)..];
                }
            }
        }

        return null;
    }
}
