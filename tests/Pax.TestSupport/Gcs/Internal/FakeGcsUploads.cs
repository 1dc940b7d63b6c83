using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// objects.insert in its three forms (cloud.google.com/storage/docs/uploading-objects): <c>media</c> and
/// <c>multipart</c> in one request, and <c>resumable</c> — initiation, then <c>PUT</c>s to the session URI. Checks what
/// the real API checks (bucket, name, supplied hashes, generation preconditions at initiation and again at
/// finalisation, <c>storage.objects.delete</c> to replace a live object) and stores the object only when everything holds.
/// </summary>
internal sealed class FakeGcsUploads(FakeGcsStore store, FakeGcsServerOptions options, FakeGcsPermissions permissions)
{
    // Chunks other than the last must be multiples of 256 KiB (performing-resumable-uploads#chunked-upload).
    private const int ChunkGranularity = 256 * 1024;
    private static readonly string[] Parameters = ["uploadType", "name", "ifGenerationMatch", "ifGenerationNotMatch", "alt", "prettyPrint"];
    private static readonly string[] SessionParameters = ["uploadType", "name", "upload_id"];
    private readonly ConcurrentDictionary<string, FakeGcsSession> _sessions = new(StringComparer.Ordinal);

    public async Task<FakeGcsResponse> HandleAsync(FakeGcsRoute route, RecordedGcsRequest request, Uri baseAddress)
    {
        if (FakeGcsReads.FirstUnsupported(request, Parameters) is { } unsupported)
        {
            return FakeGcsResponse.NotImplemented($"the '{unsupported}' parameter on uploads");
        }

        if (request.Query.TryGetValue("alt", out var alt) && alt != "json")
        {
            return FakeGcsResponse.Error(400, $"Invalid value for alt: '{alt}'.", "invalidParameter", "alt");
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

        var uploadType = request.Query.GetValueOrDefault("uploadType");
        var (upload, parseError) = uploadType switch
        {
            "multipart" => await FakeGcsUploadParser.ReadMultipartAsync(request),
            "media" => FakeGcsUploadParser.ReadMedia(request),
            "resumable" => FakeGcsUploadParser.ReadResumableInitiation(request),
            _ => (null, FakeGcsResponse.Invalid("Upload requests must include an uploadType URL parameter and a URL-encoded object name.")),
        };
        if (upload is null)
        {
            return parseError!;
        }

        if (CheckName(upload.Name) is { } invalidName)
        {
            return invalidName;
        }

        if (uploadType == "resumable")
        {
            return Initiate(route.Bucket, upload, ifMatch, ifNotMatch, baseAddress);
        }

        return CheckHashes(upload, upload.Data, request) ?? Commit(route.Bucket, upload, upload.Data, ifMatch, ifNotMatch, baseAddress);
    }

    /// <summary>A <c>PUT</c> to a session URI: a chunk, the last chunk (finalisation), or a status query.</summary>
    public FakeGcsResponse HandleChunk(RecordedGcsRequest request, Uri baseAddress)
    {
        if (FakeGcsReads.FirstUnsupported(request, SessionParameters) is { } unsupported)
        {
            return FakeGcsResponse.NotImplemented($"the '{unsupported}' parameter on a resumable session");
        }

        if (!request.Query.TryGetValue("upload_id", out var id) || !_sessions.TryGetValue(id, out var session))
        {
            return FakeGcsResponse.Error(404, "No such upload session.", "notFound");
        }

        FakeGcsContentRange range;
        if (request.GetHeader("Content-Range") is { } header)
        {
            if (!FakeGcsContentRange.TryParse(header, out range) || (range.IsStatusQuery && request.Body.Length > 0)
                || (!range.IsStatusQuery && range.Last - range.First + 1 != request.Body.Length))
            {
                return FakeGcsResponse.Invalid($"Failed to parse Content-Range header '{header}' for a body of {request.Body.Length} bytes.");
            }
        }
        else
        {
            // A single PUT with the whole object needs no Content-Range.
            range = request.Body.Length == 0 ? new FakeGcsContentRange(null, null, 0) : new FakeGcsContentRange(0, request.Body.Length - 1, request.Body.Length);
        }

        lock (session.Gate)
        {
            return session.Final ?? Advance(session, range, request, baseAddress);
        }
    }

    private FakeGcsResponse Advance(FakeGcsSession session, FakeGcsContentRange range, RecordedGcsRequest request, Uri baseAddress)
    {
        if (range.IsStatusQuery)
        {
            return range.Total == 0 && session.PersistedLength == 0 ? Finalise(session, [], request, baseAddress) : Incomplete(session);
        }

        if (range.First > session.PersistedLength)
        {
            return FakeGcsResponse.Invalid($"Content-Range starts at byte {range.First}, but the session has {session.PersistedLength} bytes; resume from there.");
        }

        var isFinal = range.Total is { } total && range.Last + 1 == total;
        if (!isFinal && request.Body.Length % ChunkGranularity != 0)
        {
            return FakeGcsResponse.Invalid($"Chunks other than the last must be a multiple of {ChunkGranularity} bytes; this one has {request.Body.Length}.");
        }

        // Bytes already persisted (a resend after a lost answer) are skipped.
        var fresh = request.Body.AsSpan((int)(session.PersistedLength - range.First!.Value));
        if (!isFinal)
        {
            session.Append(fresh);
            return Incomplete(session);
        }

        var data = new byte[session.PersistedLength + fresh.Length];
        session.PersistedBytes.CopyTo(data, 0);
        fresh.CopyTo(data.AsSpan((int)session.PersistedLength));
        return Finalise(session, data, request, baseAddress);
    }

    private FakeGcsResponse Finalise(FakeGcsSession session, byte[] data, RecordedGcsRequest request, Uri baseAddress)
    {
        session.FinalisationAttempts++;
        if (options.FirstFinalisationStatus is { } status && session.FinalisationAttempts == 1)
        {
            // The attempt fails before anything of it is persisted: the client must query the status and resend.
            return FakeGcsResponse.Transient((int)status);
        }

        var response = CheckHashes(session.Upload, data, request)
            ?? Commit(session.Bucket, session.Upload, data, session.IfGenerationMatch, session.IfGenerationNotMatch, baseAddress);
        if (response.StatusCode != 403)
        {
            // A completed session answers a status query or a resend with 200 and the object
            // (performing-resumable-uploads#status-check); one whose finalisation failed (412, hash mismatch) persisted
            // nothing and answers the same failure again.
            session.Final = response;
        }

        return response;
    }

    private static FakeGcsResponse Incomplete(FakeGcsSession session)
    {
        // 308 Resume Incomplete; Range is absent while nothing is persisted.
        var response = new FakeGcsResponse { StatusCode = 308, ContentType = "text/plain; charset=utf-8", Body = [] };
        if (session.PersistedLength > 0)
        {
            response.Headers.Add(new("Range", $"bytes=0-{session.PersistedLength - 1}"));
        }

        return response;
    }

    private FakeGcsResponse Initiate(string bucket, FakeGcsUpload upload, long? ifMatch, long? ifNotMatch, Uri baseAddress)
    {
        // Preconditions are checked when the session starts, and again when it is finalised (request-preconditions).
        if (!FakeGcsStore.Holds(store.Get(bucket, upload.Name!), ifMatch, ifNotMatch))
        {
            return PreconditionFailed();
        }

        var session = new FakeGcsSession
        {
            Id = Guid.NewGuid().ToString("N"),
            Bucket = bucket,
            Upload = upload,
            IfGenerationMatch = ifMatch,
            IfGenerationNotMatch = ifNotMatch,
        };
        _sessions[session.Id] = session;
        var location = $"{baseAddress}upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=resumable&name={Uri.EscapeDataString(upload.Name!)}&upload_id={session.Id}";
        var response = new FakeGcsResponse { StatusCode = 200, ContentType = "text/plain; charset=utf-8", Body = [] };
        response.Headers.Add(new("Location", location));
        response.Headers.Add(new("X-GUploader-UploadID", session.Id));
        return response;
    }

    private FakeGcsResponse Commit(string bucket, FakeGcsUpload upload, byte[] data, long? ifMatch, long? ifNotMatch, Uri baseAddress)
    {
        var now = options.TimeProvider.GetUtcNow();
        var mayReplace = !permissions.IsDenied(FakeGcsPermissions.Delete);
        var (outcome, stored) = store.Commit(bucket, upload.Name!, ifMatch, ifNotMatch, mayReplace, generation => new FakeGcsObject(
            bucket,
            upload.Name!,
            generation,
            Metageneration: 1,
            upload.ContentType,
            data,
            upload.Metadata,
            FakeGcsHashes.Crc32c(data),
            FakeGcsHashes.Md5(data),
            now));
        switch (outcome)
        {
            case FakeGcsCommitOutcome.NoSuchBucket:
                return FakeGcsReads.NoSuchBucket();
            case FakeGcsCommitOutcome.PreconditionFailed:
                return PreconditionFailed();
            case FakeGcsCommitOutcome.ReplaceDenied:
                // iam-permissions: replacing an existing object also needs storage.objects.delete.
                return FakeGcsResponse.Error(403, $"{options.Principal} does not have {FakeGcsPermissions.Delete} access to the Google Cloud Storage object. Permission '{FakeGcsPermissions.Delete}' denied on resource (or it may not exist).", "forbidden");
            default:
                var response = FakeGcsResponse.Json(200, FakeGcsResources.ObjectResource(stored!, baseAddress));
                FakeGcsResources.AddHashHeaders(response, stored!);
                return response;
        }
    }

    private static FakeGcsResponse PreconditionFailed() =>
        FakeGcsResponse.Error(412, "At least one of the pre-conditions you specified did not hold.", "conditionNotMet", "If-Match", "header");

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

    // cloud.google.com/storage/docs/data-validation: supplied hashes (metadata, or x-goog-hash on the request that
    // carries the last bytes) are checked; on a mismatch nothing is stored.
    private static FakeGcsResponse? CheckHashes(FakeGcsUpload upload, byte[] data, RecordedGcsRequest request)
    {
        var header = FakeGcsHashes.ParseHashHeader(request.Headers.GetValueOrDefault("x-goog-hash") ?? []);
        var crc32c = FakeGcsHashes.Crc32c(data);
        var md5 = FakeGcsHashes.Md5(data);
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
