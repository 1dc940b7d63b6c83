namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// A JSON API route, parsed from the raw (still percent-encoded) path: an object name must arrive as one encoded
/// path segment (<c>/</c> as <c>%2F</c>), as the real API requires.
/// </summary>
/// <param name="Kind">Which call.</param>
/// <param name="Bucket">The bucket.</param>
/// <param name="ObjectName">The decoded object name (get, download, and a resumable session's <c>PUT</c>).</param>
internal sealed record FakeGcsRoute(FakeGcsRouteKind Kind, string Bucket, string? ObjectName)
{
    public string Permission => Kind switch
    {
        FakeGcsRouteKind.Upload or FakeGcsRouteKind.ResumableChunk => FakeGcsPermissions.Create,
        FakeGcsRouteKind.List => FakeGcsPermissions.List,
        _ => FakeGcsPermissions.Get,
    };

    public static FakeGcsRoute? Parse(RecordedGcsRequest request)
    {
        var segments = request.RawPath.Split('/');
        return (request.Method, segments) switch
        {
            ("POST", ["", "upload", "storage", "v1", "b", var bucket, "o"]) when bucket.Length > 0 =>
                new FakeGcsRoute(FakeGcsRouteKind.Upload, Decode(bucket), null),
            ("PUT", ["", "upload", "storage", "v1", "b", var bucket, "o"]) when bucket.Length > 0 =>
                new FakeGcsRoute(FakeGcsRouteKind.ResumableChunk, Decode(bucket), request.Query.GetValueOrDefault("name")),
            ("GET", ["", "storage", "v1", "b", var bucket, "o"]) when bucket.Length > 0 =>
                new FakeGcsRoute(FakeGcsRouteKind.List, Decode(bucket), null),
            ("GET", ["", "storage", "v1", "b", var bucket, "o", var name]) when bucket.Length > 0 && name.Length > 0 =>
                new FakeGcsRoute(request.IsDownload ? FakeGcsRouteKind.Download : FakeGcsRouteKind.GetObject, Decode(bucket), Decode(name)),
            _ => null,
        };
    }

    private static string Decode(string segment) => Uri.UnescapeDataString(segment);
}
