using System.Net;
using System.Net.Sockets;

namespace Pax.Orchestration.Scheduling.Handlers.Internal;

/// <summary>
/// The rules for where an <c>http</c> job may go: never to link-local or metadata destinations, only under
/// <see cref="HttpJobOptions.AllowedUrls"/> when that is set, and with an ID token only for its own origin or an allowed audience.
/// </summary>
internal static class HttpJobDestinations
{
    /// <summary>The setting that allow-lists destinations, for messages.</summary>
    public const string AllowedUrlsKey = HttpJobOptions.SectionName + ":AllowedUrls";

    /// <summary>The setting that allow-lists audiences, for messages.</summary>
    public const string AllowedAudiencesKey = HttpJobOptions.SectionName + ":AllowedAudiences";

    // The metadata server's names (cloud.google.com/compute/docs/metadata/querying-metadata: "metadata.google.internal";
    // the short name "metadata" resolves there too on GCE/Cloud Run), compared without a trailing dot and case.
    private static readonly string[] MetadataNames = ["metadata.google.internal", "metadata"];

    // The metadata server's IPv6 address on GCE (cloud.google.com/compute/docs/metadata/querying-metadata#metadata-server-ipv6): fd20:ce::254.
    private static readonly byte[] MetadataIpv6 = IPAddress.Parse("fd20:ce::254").GetAddressBytes();

    /// <summary>Returns whether <paramref name="address"/> is link-local (169.254.0.0/16, fe80::/10, also IPv4 written in IPv6 form) or the IPv6 metadata address.</summary>
    public static bool IsForbiddenAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsLinkLocalIpv4(bytes, 0);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        // fe80::/10 (RFC 4291 §2.5.6), GCE's fd20:ce::254, and IPv4 embedded in the last 32 bits: IPv4-mapped
        // ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d (RFC 4291 §2.5.5), NAT64 64:ff9b::a.b.c.d (RFC 6052).
        var embedsIpv4 = bytes.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && ((bytes[10] == 0xff && bytes[11] == 0xff) || (bytes[10] == 0 && bytes[11] == 0))
            || (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0);
        return (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80)
            || bytes.AsSpan().SequenceEqual(MetadataIpv6)
            || (embedsIpv4 && IsLinkLocalIpv4(bytes, 12));
    }

    /// <summary>Returns whether the URL's host is a metadata name or a link-local/metadata address in any spelling <see cref="Uri"/> or <see cref="IPAddress"/> accepts.</summary>
    public static bool IsForbiddenHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = HostOf(url);
        if (MetadataNames.Any(name => host.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Uri already turns decimal, hex and octal IPv4 spellings into dotted form; IPAddress.TryParse covers what Uri
        // leaves as a name (e.g. with a trailing dot).
        return IPAddress.TryParse(host, out var address) && IsForbiddenAddress(address);
    }

    /// <summary>Returns whether <paramref name="url"/> lies under one of <paramref name="allowedUrls"/> (any URL when the list is empty).</summary>
    public static bool IsAllowed(Uri url, IReadOnlyCollection<string> allowedUrls)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(allowedUrls);
        return allowedUrls.Count == 0 || allowedUrls.Any(entry => TryParsePrefix(entry, out var prefix) && Matches(prefix, url));
    }

    /// <summary>Parses an <see cref="HttpJobOptions.AllowedUrls"/> entry: an absolute http(s) URL without user info, query or fragment.</summary>
    public static bool TryParsePrefix(string? entry, out Uri prefix)
    {
        prefix = null!;
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || parsed.UserInfo.Length > 0 || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            return false;
        }

        prefix = parsed;
        return true;
    }

    /// <summary>Returns whether two URLs have the same origin: scheme, host and port (RFC 6454).</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme.Equals(b.Scheme, StringComparison.OrdinalIgnoreCase)
        && HostOf(a).Equals(HostOf(b), StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>
    /// Returns why a job to <paramref name="url"/> may not carry an ID token for <paramref name="audience"/>, or
    /// <see langword="null"/> when it may: the token travels over https (or to a loopback address), and the audience is
    /// the URL's own origin, or is listed in <see cref="HttpJobOptions.AllowedAudiences"/> while the URL lies under a
    /// non-empty <see cref="HttpJobOptions.AllowedUrls"/> — a listed audience never lets a token go to an arbitrary URL.
    /// </summary>
    public static string? AudienceProblem(Uri url, string audience, HttpJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(options);
        if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            return "an ID token ('audience') is only sent over https (or to a loopback address); this URL is plain http";
        }

        if (Uri.TryCreate(audience, UriKind.Absolute, out var named) && (named.Scheme == Uri.UriSchemeHttps || named.Scheme == Uri.UriSchemeHttp) && SameOrigin(named, url))
        {
            return null;
        }

        if (!options.AllowedAudiences.Contains(audience, StringComparer.Ordinal))
        {
            return $"'audience' must be the URL's own origin ({url.GetLeftPart(UriPartial.Authority)}) or listed in {AllowedAudiencesKey}; the service mints ID tokens only for where it posts";
        }

        return options.AllowedUrls.Count > 0 && IsAllowed(url, options.AllowedUrls)
            ? null
            : $"a listed audience is only sent to URLs under {AllowedUrlsKey}, and this URL is not under one";
    }

    /// <summary>The URL as errors show it: origin and path, no query (it may hold secrets).</summary>
    public static string Describe(Uri url) => url.GetLeftPart(UriPartial.Authority) + url.AbsolutePath;

    private static bool Matches(Uri prefix, Uri url)
    {
        if (!SameOrigin(prefix, url))
        {
            return false;
        }

        var path = prefix.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            return true;
        }

        // Percent-encoded dots, slashes or backslashes could be decoded by the receiver into another path than the one matched.
        var target = url.AbsolutePath;
        if (target.Contains("%2e", StringComparison.OrdinalIgnoreCase) || target.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || target.Contains("%5c", StringComparison.OrdinalIgnoreCase) || target.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        return target.Equals(path, StringComparison.Ordinal) || target.StartsWith(path + "/", StringComparison.Ordinal);
    }

    private static bool IsLinkLocalIpv4(byte[] bytes, int offset) => bytes[offset] == 169 && bytes[offset + 1] == 254;

    private static string HostOf(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.Dns ? url.IdnHost : url.Host;
        return host.Trim('[', ']').TrimEnd('.');
    }
}
