using System.Globalization;
using System.Text;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// objects.insert: checks what the real API checks (bucket, name, supplied hashes, generation preconditions), and
/// stores the object only when everything holds.
/// </summary>
internal sealed class FakeGcsUploads(FakeGcsStore store, FakeGcsServerOptions options)
{
    private static readonly string[] Parameters = ["uploadType", "name", "ifGenerationMatch", "ifGenerationNotMatch"];

    public async Task<FakeGcsResponse> HandleAsync(FakeGcsRoute route, RecordedGcsRequest request, Uri baseAddress)
    {
        if (FakeGcsReads.FirstUnsupported(request, Parameters) is { } unsupported)
        {
            return FakeGcsResponse.NotImplemented($"the '{unsupported}' parameter on uploads");
        }

        if (!store.BucketExists(route.Bucket))
        {
            return FakeGcsReads.NoSuchBucket();
        }

        if (!TryGetGeneration(request, "ifGenerationMatch", out var ifMatch, out var error)
            || !TryGetGeneration(request, "ifGenerationNotMatch", out var ifNotMatch, out error))
        {
            return error;
        }

        var (upload, parseError) = request.Query.GetValueOrDefault("uploadType") switch
        {
            "multipart" => await FakeGcsUploadParser.ReadMultipartAsync(request),
            "media" => FakeGcsUploadParser.ReadMedia(request),
            "resumable" => (null, FakeGcsResponse.NotImplemented("resumable uploads")),
            _ => (null, FakeGcsResponse.Invalid("Upload requests must include an uploadType URL parameter and a URL-encoded object name.")),
        };
        if (upload is null)
        {
            return parseError!;
        }

        return CheckName(upload.Name) ?? CheckHashes(upload, request) ?? Commit(route.Bucket, upload, ifMatch, ifNotMatch, baseAddress);
    }

    private FakeGcsResponse Commit(string bucket, FakeGcsUpload upload, long? ifMatch, long? ifNotMatch, Uri baseAddress)
    {
        var now = options.TimeProvider.GetUtcNow();
        var (outcome, stored) = store.Commit(bucket, upload.Name!, ifMatch, ifNotMatch, generation => new FakeGcsObject(
            bucket,
            upload.Name!,
            generation,
            Metageneration: 1,
            upload.ContentType,
            upload.Data,
            upload.Metadata,
            FakeGcsHashes.Crc32c(upload.Data),
            FakeGcsHashes.Md5(upload.Data),
            now));
        switch (outcome)
        {
            case FakeGcsCommitOutcome.NoSuchBucket:
                return FakeGcsReads.NoSuchBucket();
            case FakeGcsCommitOutcome.PreconditionFailed:
                return FakeGcsResponse.Error(412, "At least one of the pre-conditions you specified did not hold.", "conditionNotMet", "If-Match", "header");
            default:
                var response = FakeGcsResponse.Json(200, FakeGcsResources.ObjectResource(stored!, baseAddress));
                FakeGcsResources.AddHashHeaders(response, stored!);
                return response;
        }
    }

    private static bool TryGetGeneration(RecordedGcsRequest request, string parameter, out long? generation, out FakeGcsResponse error)
    {
        generation = null;
        error = null!;
        if (!request.Query.TryGetValue(parameter, out var text))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            generation = value;
            return true;
        }

        error = FakeGcsResponse.Error(400, $"Invalid argument for {parameter}: '{text}' is not an int64.", "invalid", parameter);
        return false;
    }

    // cloud.google.com/storage/docs/objects#naming
    private static FakeGcsResponse? CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return FakeGcsResponse.Error(400, "Required", "required");
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > 1024)
        {
            return FakeGcsResponse.Invalid($"The maximum object length is 1024 characters, but got a name with {bytes} characters.");
        }

        if (name.Contains('\r', StringComparison.Ordinal) || name.Contains('\n', StringComparison.Ordinal) || name is "." or ".."
            || name.StartsWith(".well-known/acme-challenge/", StringComparison.Ordinal))
        {
            return FakeGcsResponse.Invalid($"The specified object name is not valid: '{name}'.");
        }

        return null;
    }

    // cloud.google.com/storage/docs/data-validation: supplied hashes are checked; on a mismatch nothing is stored.
    private static FakeGcsResponse? CheckHashes(FakeGcsUpload upload, RecordedGcsRequest request)
    {
        var header = FakeGcsHashes.ParseHashHeader(request.Headers.GetValueOrDefault("x-goog-hash") ?? []);
        var crc32c = FakeGcsHashes.Crc32c(upload.Data);
        var md5 = FakeGcsHashes.Md5(upload.Data);
        return Check("CRC32C", 4, upload.Crc32c, crc32c)
            ?? Check("CRC32C", 4, header.GetValueOrDefault("crc32c"), crc32c)
            ?? Check("MD5 hash", 16, upload.Md5Hash, md5)
            ?? Check("MD5 hash", 16, header.GetValueOrDefault("md5"), md5);
    }

    private static FakeGcsResponse? Check(string what, int length, string? provided, string calculated)
    {
        if (provided is null)
        {
            return null;
        }

        if (!FakeGcsHashes.IsBase64OfLength(provided, length))
        {
            return FakeGcsResponse.Invalid($"The {what} \"{provided}\" is not base64 of {length} bytes.");
        }

        return provided == calculated
            ? null
            : FakeGcsResponse.Invalid($"Provided {what} \"{provided}\" doesn't match calculated {what} \"{calculated}\".");
    }
}
