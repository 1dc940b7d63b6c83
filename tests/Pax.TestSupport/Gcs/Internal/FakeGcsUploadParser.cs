using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// Reads <c>uploadType=multipart</c> (multipart/related: a JSON metadata part, then the media part),
/// <c>uploadType=media</c> (raw body, <c>name</c> in the query) and <c>uploadType=resumable</c> initiation (optional JSON
/// metadata body, <c>name</c> in the query or the metadata, <c>X-Upload-Content-Type</c>) requests. A body sent with
/// <c>Content-Encoding: gzip</c> (Google's .NET client compresses the initiation's metadata) is decompressed first.
/// Anything malformed is an error answer.
/// </summary>
internal static class FakeGcsUploadParser
{
    private const string DefaultContentType = "application/octet-stream";
    private static readonly HashSet<string> KnownMetadataFields = new(StringComparer.Ordinal) { "name", "bucket", "contentType", "metadata", "crc32c", "md5Hash" };

    public static async Task<(FakeGcsUpload? Upload, FakeGcsResponse? Error)> ReadMultipartAsync(RecordedGcsRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.GetHeader("Content-Type"), out var mediaType)
            || !mediaType.MediaType.Equals("multipart/related", StringComparison.OrdinalIgnoreCase))
        {
            return (null, FakeGcsResponse.Invalid("uploadType=multipart needs Content-Type: multipart/related; boundary=…"));
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, FakeGcsResponse.Invalid("The multipart/related Content-Type has no boundary."));
        }

        var parts = new List<(string? ContentType, byte[] Body)>();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(Decode(request)));
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer);
                parts.Add((section.ContentType, buffer.ToArray()));
            }
        }
        catch (IOException ex)
        {
            return (null, FakeGcsResponse.Invalid($"Malformed multipart body: {ex.Message}"));
        }

        if (parts.Count != 2)
        {
            return (null, FakeGcsResponse.Invalid($"A multipart upload has exactly two parts (metadata, then media); this one has {parts.Count}."));
        }

        if (!MediaTypeHeaderValue.TryParse(parts[0].ContentType, out var metadataType)
            || !metadataType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, FakeGcsResponse.Invalid($"The first part must be application/json metadata; it is '{parts[0].ContentType}'."));
        }

        return ReadMetadata(parts[0].Body, parts[1].ContentType, parts[1].Body);
    }

    public static (FakeGcsUpload? Upload, FakeGcsResponse? Error) ReadMedia(RecordedGcsRequest request)
    {
        var name = request.Query.GetValueOrDefault("name");
        var contentType = request.GetHeader("Content-Type") ?? DefaultContentType;
        return (new FakeGcsUpload(name, contentType, request.Body, new Dictionary<string, string>(), null, null), null);
    }

    public static (FakeGcsUpload? Upload, FakeGcsResponse? Error) ReadResumableInitiation(RecordedGcsRequest request)
    {
        byte[] body;
        try
        {
            body = Decode(request);
        }
        catch (InvalidDataException)
        {
            return (null, FakeGcsResponse.Invalid("The body is not valid gzip although Content-Encoding says so."));
        }

        var mediaType = request.GetHeader("X-Upload-Content-Type");
        var (upload, error) = body.Length == 0
            ? (new FakeGcsUpload(null, mediaType ?? DefaultContentType, [], new Dictionary<string, string>(), null, null), null)
            : ReadMetadata(body, mediaType, []);
        if (upload is null)
        {
            return (null, error);
        }

        // The query's name wins over the metadata's, as on the real API.
        return (upload with { Name = request.Query.GetValueOrDefault("name") ?? upload.Name }, null);
    }

    /// <summary>Returns the body, gunzipped when <c>Content-Encoding: gzip</c>.</summary>
    /// <exception cref="InvalidDataException">The body is not gzip.</exception>
    public static byte[] Decode(RecordedGcsRequest request)
    {
        if (!string.Equals(request.GetHeader("Content-Encoding"), "gzip", StringComparison.OrdinalIgnoreCase))
        {
            return request.Body;
        }

        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(request.Body), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static (FakeGcsUpload? Upload, FakeGcsResponse? Error) ReadMetadata(byte[] json, string? mediaContentType, byte[] media)
    {
        JsonObject metadata;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject parsed)
            {
                return (null, FakeGcsResponse.Error(400, "Parse Error", "parseError"));
            }

            metadata = parsed;
        }
        catch (JsonException)
        {
            return (null, FakeGcsResponse.Error(400, "Parse Error", "parseError"));
        }

        if (metadata.Select(p => p.Key).FirstOrDefault(k => !KnownMetadataFields.Contains(k)) is { } unknown)
        {
            return (null, FakeGcsResponse.NotImplemented($"the object field '{unknown}'"));
        }

        if (!TryGetString(metadata, "name", out var name) || !TryGetString(metadata, "contentType", out var contentType)
            || !TryGetString(metadata, "crc32c", out var crc32c) || !TryGetString(metadata, "md5Hash", out var md5Hash))
        {
            return (null, FakeGcsResponse.Invalid("name, contentType, crc32c and md5Hash must be strings."));
        }

        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata["metadata"] is { } map)
        {
            if (map is not JsonObject entries || entries.Any(e => e.Value is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
            {
                return (null, FakeGcsResponse.Invalid("metadata must be an object of string values."));
            }

            foreach (var (key, value) in entries)
            {
                custom[key] = value!.GetValue<string>();
            }
        }

        var effectiveType = contentType ?? mediaContentType ?? DefaultContentType;
        return (new FakeGcsUpload(name, effectiveType, media, custom, crc32c, md5Hash), null);
    }

    private static bool TryGetString(JsonObject json, string field, out string? value)
    {
        value = null;
        if (json[field] is not { } node)
        {
            return true;
        }

        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            value = text.GetValue<string>();
            return true;
        }

        return false;
    }
}
