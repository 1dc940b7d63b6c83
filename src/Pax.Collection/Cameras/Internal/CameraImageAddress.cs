using System.Globalization;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// Where a camera's image is fetched from. An announced image URL is followed only on the configured API origin
/// (same scheme, host and port, no user info), so a camera list cannot make the collector request other hosts.
/// </summary>
internal static class CameraImageAddress
{
    public static bool IsOnApiOrigin(Uri candidate, Uri baseAddress) =>
        candidate.IsAbsoluteUri
        && (candidate.Scheme == Uri.UriSchemeHttp || candidate.Scheme == Uri.UriSchemeHttps)
        && candidate.UserInfo.Length == 0
        && Uri.Compare(candidate, baseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>The API's own image URL: <c>{base}/api/cameras/{escaped id}/image</c>.</summary>
    public static Uri ForCamera(Uri baseAddress, string cameraId) =>
        new($"{baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')}/api/cameras/{Uri.EscapeDataString(cameraId)}/image", UriKind.Absolute);

    /// <summary>The camera list URL: <c>{base}/api/cameras</c>.</summary>
    public static Uri CameraList(Uri baseAddress) =>
        new($"{baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')}/api/cameras", UriKind.Absolute);

    /// <summary>Adds (or appends) the cache-busting query <c>t={unix ms}</c>.</summary>
    public static Uri WithCacheBuster(Uri uri, DateTimeOffset now)
    {
        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        var buster = "t=" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        builder.Query = query.Length == 0 ? buster : query + "&" + buster;
        return builder.Uri;
    }
}
