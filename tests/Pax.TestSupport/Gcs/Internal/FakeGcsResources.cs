using System.Globalization;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>Renders stored objects as the JSON API does: int64 fields as strings, RFC 3339 times, hashes in base64.</summary>
internal static class FakeGcsResources
{
    public static JsonObject ObjectResource(FakeGcsObject stored, Uri baseAddress)
    {
        var encodedName = Uri.EscapeDataString(stored.Name);
        var generation = stored.Generation.ToString(CultureInfo.InvariantCulture);
        var time = stored.TimeCreated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var resource = new JsonObject
        {
            ["kind"] = "storage#object",
            ["id"] = $"{stored.Bucket}/{stored.Name}/{generation}",
            ["selfLink"] = $"{baseAddress}storage/v1/b/{stored.Bucket}/o/{encodedName}",
            ["mediaLink"] = $"{baseAddress}download/storage/v1/b/{stored.Bucket}/o/{encodedName}?generation={generation}&alt=media",
            ["name"] = stored.Name,
            ["bucket"] = stored.Bucket,
            ["generation"] = generation,
            ["metageneration"] = stored.Metageneration.ToString(CultureInfo.InvariantCulture),
            ["contentType"] = stored.ContentType,
            ["storageClass"] = "STANDARD",
            ["size"] = stored.Data.Length.ToString(CultureInfo.InvariantCulture),
            ["md5Hash"] = stored.Md5Hash,
            ["crc32c"] = stored.Crc32c,
            ["etag"] = ETag(stored),
            ["timeCreated"] = time,
            ["updated"] = time,
            ["timeStorageClassUpdated"] = time,
        };
        if (stored.Metadata.Count > 0)
        {
            var metadata = new JsonObject();
            foreach (var (key, value) in stored.Metadata)
            {
                metadata[key] = value;
            }

            resource["metadata"] = metadata;
        }

        return resource;
    }

    /// <summary>Adds <c>x-goog-hash</c> as two headers (crc32c, md5), as Cloud Storage may send it.</summary>
    public static void AddHashHeaders(FakeGcsResponse response, FakeGcsObject stored)
    {
        response.Headers.Add(new("x-goog-hash", $"crc32c={stored.Crc32c}"));
        response.Headers.Add(new("x-goog-hash", $"md5={stored.Md5Hash}"));
    }

    public static string ETag(FakeGcsObject stored) =>
        Convert.ToBase64String(BitConverter.GetBytes(stored.Generation ^ stored.Metageneration));
}
