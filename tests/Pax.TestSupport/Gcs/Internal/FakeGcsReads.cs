using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>objects.get (metadata and <c>alt=media</c>) and objects.list with prefix, maxResults and pageToken.</summary>
internal sealed class FakeGcsReads(FakeGcsStore store, FakeGcsServerOptions options)
{
    private static readonly string[] GetParameters = ["alt"];
    private static readonly string[] ListParameters = ["prefix", "maxResults", "pageToken"];

    public static FakeGcsResponse NoSuchBucket() =>
        FakeGcsResponse.Error(404, "The specified bucket does not exist.", "notFound");

    public static string? FirstUnsupported(RecordedGcsRequest request, string[] supported) =>
        request.Query.Keys.FirstOrDefault(key => !supported.Contains(key, StringComparer.Ordinal));

    public FakeGcsResponse Get(FakeGcsRoute route, RecordedGcsRequest request, Uri baseAddress)
    {
        if (FirstUnsupported(request, GetParameters) is { } unsupported)
        {
            return FakeGcsResponse.NotImplemented($"the '{unsupported}' parameter on objects.get");
        }

        if (request.Query.TryGetValue("alt", out var alt) && alt is not ("json" or "media"))
        {
            return FakeGcsResponse.Error(400, $"Invalid value for alt: '{alt}'.", "invalidParameter", "alt");
        }

        if (!store.BucketExists(route.Bucket))
        {
            return NoSuchBucket();
        }

        if (store.Get(route.Bucket, route.ObjectName!) is not { } stored)
        {
            return FakeGcsResponse.Error(404, $"No such object: {route.Bucket}/{route.ObjectName}", "notFound");
        }

        var response = route.Kind == FakeGcsRouteKind.Download
            ? new FakeGcsResponse { StatusCode = 200, ContentType = stored.ContentType, Body = stored.Data }
            : FakeGcsResponse.Json(200, FakeGcsResources.ObjectResource(stored, baseAddress));
        FakeGcsResources.AddHashHeaders(response, stored);
        response.Headers.Add(new("x-goog-generation", stored.Generation.ToString(CultureInfo.InvariantCulture)));
        response.Headers.Add(new("x-goog-metageneration", stored.Metageneration.ToString(CultureInfo.InvariantCulture)));
        response.Headers.Add(new("ETag", $"\"{FakeGcsResources.ETag(stored)}\""));
        return response;
    }

    public FakeGcsResponse List(FakeGcsRoute route, RecordedGcsRequest request, Uri baseAddress)
    {
        if (FirstUnsupported(request, ListParameters) is { } unsupported)
        {
            return FakeGcsResponse.NotImplemented($"the '{unsupported}' parameter on objects.list");
        }

        if (!store.BucketExists(route.Bucket))
        {
            return NoSuchBucket();
        }

        var pageSize = options.MaxPageSize;
        if (request.Query.TryGetValue("maxResults", out var maxText))
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
            {
                return FakeGcsResponse.Error(400, $"Invalid value for maxResults: '{maxText}'.", "invalidParameter", "maxResults");
            }

            pageSize = Math.Min(max, pageSize);
        }

        var after = string.Empty;
        if (request.Query.TryGetValue("pageToken", out var token) && !TryDecodePageToken(token, out after))
        {
            return FakeGcsResponse.Error(400, "Invalid page token.", "invalid", "pageToken");
        }

        var matching = store.List(route.Bucket, request.Query.GetValueOrDefault("prefix") ?? string.Empty)
            .Where(o => string.CompareOrdinal(o.Name, after) > 0)
            .ToList();
        var page = matching.Take(pageSize).ToList();
        var body = new JsonObject { ["kind"] = "storage#objects" };
        if (matching.Count > page.Count)
        {
            body["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Name));
        }

        // Like the real API, an empty page has no "items" at all.
        if (page.Count > 0)
        {
            body["items"] = new JsonArray([.. page.Select(o => (JsonNode)FakeGcsResources.ObjectResource(o, baseAddress))]);
        }

        return FakeGcsResponse.Json(200, body);
    }

    private static bool TryDecodePageToken(string token, out string after)
    {
        after = string.Empty;
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var written))
        {
            return false;
        }

        after = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }
}
