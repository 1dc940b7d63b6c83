using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Logging;
using Pax.Collection.Sinks.Internal;
using Pax.Collection.Snapshots;
using Pax.GoogleCloud;
using Polly;
using StorageObject = Google.Apis.Storage.v1.Data.Object;

namespace Pax.Collection.Sinks;

/// <summary>
/// Stores snapshots in a Cloud Storage bucket through Google's <see cref="StorageClient"/> (Google.Cloud.Storage.V1),
/// create-only: each snapshot is uploaded with <c>IfGenerationMatch = 0</c>, so Cloud Storage itself refuses a second
/// copy (HTTP 412, reported as <see cref="SnapshotWriteResult.AlreadyExists"/>) and the upload is safe to retry after a
/// lost response. Objects carry the camera name, fetch time and SHA-256 as custom metadata
/// (<see cref="CameraNameMetadataKey"/>, <see cref="FetchedAtMetadataKey"/>, <see cref="Sha256MetadataKey"/>).
/// </summary>
/// <remarks>
/// <para>Integrity: uploads use <see cref="UploadValidationMode.RejectAndThrow"/> — the client sends the CRC32C of the
/// bytes with the last request and Cloud Storage refuses (HTTP 400) to create an object whose bytes do not match
/// (cloud.google.com/storage/docs/data-validation). Nothing is created, so nothing needs deleting: that works with
/// <c>roles/storage.objectCreator</c>, which may not delete (the client's older <c>DeleteAndThrow</c> would need
/// <c>storage.objects.delete</c>). The mismatch surfaces as a <see cref="SnapshotSinkException"/>
/// (<see cref="SnapshotSinkFailure.Rejected"/>), which the collector reports as that camera's failure; a re-run fetches the camera again, as the slot lacks its snapshot.</para>
/// <para>Retries: see <c>GcsRetryPipeline</c> — 408, 429, 5xx and transport errors, with exponential back-off and jitter
/// timed by <see cref="GoogleRetryOptions"/>, for reads and for uploads under a generation precondition only.</para>
/// <para>Run artifacts (<c>report.json</c>, …) are replaced under a generation precondition (read the live generation,
/// upload with <c>IfGenerationMatch</c> = it, or 0 when there is none), so they are retried like snapshots.</para>
/// <para>Roles: <c>roles/storage.objectCreator</c> suffices for snapshots; listing the slot and reading the previous
/// report need <c>storage.objects.list</c>/<c>get</c>, and replacing a report needs <c>storage.objects.delete</c>:
/// grant <c>roles/storage.objectUser</c>, as the collector's deploy script does.</para>
/// </remarks>
public sealed partial class GcsSnapshotSink : ISnapshotSink
{
    /// <summary>The custom-metadata key holding the camera's name at fetch time: <c>camera-name</c>.</summary>
    public const string CameraNameMetadataKey = "camera-name";

    /// <summary>The custom-metadata key holding the fetch time, ISO 8601 in UTC: <c>fetched-at</c>.</summary>
    public const string FetchedAtMetadataKey = "fetched-at";

    /// <summary>The custom-metadata key holding the lower-case hex SHA-256 of the image: <c>sha256</c>.</summary>
    public const string Sha256MetadataKey = "sha256";

    private const string SnapshotExtension = ".jpg";
    private const string CreatorRole = "roles/storage.objectCreator";
    private const string UserRole = "roles/storage.objectUser";
    private readonly StorageClient _client;
    private readonly ILogger<GcsSnapshotSink> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _replaceRetry;

    /// <summary>Initializes a sink writing to <paramref name="location"/>: its bucket, every object name under its prefix.</summary>
    /// <param name="client">Google's Storage client: the application's own from DI, or the one <c>AddPaxCollection</c> builds.</param>
    /// <param name="location">A Cloud Storage location, <c>gs://bucket</c> or <c>gs://bucket/prefix</c> (<see cref="SnapshotSinkLocation.Parse"/>).</param>
    /// <param name="logger">The logger.</param>
    /// <param name="retry">
    /// The retry timing: <see cref="GoogleRetryOptions.InitialDelay"/>, <see cref="GoogleRetryOptions.Multiplier"/>,
    /// <see cref="GoogleRetryOptions.MaxDelay"/> and <see cref="GoogleRetryOptions.MaxRetryAttempts"/> (the per-write
    /// bound is <see cref="Runs.CollectionOptions.UploadTimeout"/>); <see langword="null"/> for Google's defaults
    /// (1 s, ×2, at most 32 s) and 5 retries.
    /// </param>
    /// <param name="timeProvider">The clock of the back-off; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> is a folder, not a Cloud Storage location.</exception>
    public GcsSnapshotSink(StorageClient client, SnapshotSinkLocation location, ILogger<GcsSnapshotSink> logger, GoogleRetryOptions? retry = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(logger);
        if (location.Kind != SnapshotSinkKind.CloudStorage)
        {
            throw new ArgumentException($"'{location}' is a folder; a Cloud Storage sink needs gs://bucket or gs://bucket/prefix.", nameof(location));
        }

        _client = client;
        _logger = logger;
        Bucket = location.Path;
        Prefix = location.Prefix;
        Location = location.ToString();
        var timing = retry ?? new GoogleRetryOptions();
        _retry = GcsRetryPipeline.Create(timing, timeProvider ?? TimeProvider.System);
        _replaceRetry = GcsRetryPipeline.Create(timing, timeProvider ?? TimeProvider.System, retryPreconditionFailures: true);
    }

    /// <summary>Gets the bucket's name.</summary>
    public string Bucket { get; }

    /// <summary>Gets the prefix put in front of every object name (no leading or trailing '/'), or empty.</summary>
    public string Prefix { get; }

    /// <summary>Gets <c>gs://bucket</c> or <c>gs://bucket/prefix</c>.</summary>
    public string Location { get; }

    /// <inheritdoc />
    /// <exception cref="SnapshotSinkException">Cloud Storage refused access (<see cref="SnapshotSinkFailure.AccessRefused"/>),
    /// refused the upload for another reason than an existing object (<see cref="SnapshotSinkFailure.Rejected"/>: HTTP 400
    /// when the CRC32C of the bytes it received does not match the image's), or kept failing
    /// (<see cref="SnapshotSinkFailure.Unavailable"/>).</exception>
    public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var objectName = FullName(key.ObjectName);
        var destination = new StorageObject
        {
            Bucket = Bucket,
            Name = objectName,
            ContentType = metadata.ContentType,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [CameraNameMetadataKey] = metadata.CameraName,
                [FetchedAtMetadataKey] = metadata.FetchedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                [Sha256MetadataKey] = metadata.Sha256,
            },
        };

        try
        {
            var stored = await _retry.ExecuteAsync(ct => UploadAsync(destination, content, ifGenerationMatch: 0, ct), cancellationToken).ConfigureAwait(false);
            Log.SnapshotStored(_logger, Bucket, objectName, stored.Generation ?? 0, (long)(stored.Size ?? 0));
            return SnapshotWriteResult.Created;
        }
        catch (Google.GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.PreconditionFailed)
        {
            // A previous task, execution or attempt (whose response was lost) stored it: the snapshot is there.
            Log.SnapshotAlreadyStored(_logger, Bucket, objectName);
            return SnapshotWriteResult.AlreadyExists;
        }
        catch (Exception ex) when (GcsErrors.IsClientFailure(ex))
        {
            throw GcsErrors.Translate(ex, "storing", $"gs://{Bucket}/{objectName}", CreatorRole);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken)
    {
        var folder = FullName(CheckSlotPath(slotPath)) + "/";
        try
        {
            return await _retry.ExecuteAsync(ct => ListAsync(folder, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (GcsErrors.IsClientFailure(ex))
        {
            throw GcsErrors.Translate(ex, "listing", $"gs://{Bucket}/{folder}", UserRole);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The artifact is replaced under a generation precondition: each attempt reads the live generation and uploads with
    /// <c>IfGenerationMatch</c> set to it (0 when there is none), so a retried attempt never replaces a version it did not
    /// read. Replacing needs <c>storage.objects.get</c> and <c>storage.objects.delete</c> (<c>roles/storage.objectUser</c>).
    /// </remarks>
    /// <exception cref="SnapshotSinkException">Cloud Storage refused the read or the upload, or kept failing.</exception>
    public async Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var objectName = FullName($"{CheckSlotPath(slotPath)}/{ArtifactName.Check(fileName)}");
        try
        {
            var stored = await _replaceRetry.ExecuteAsync(
                async ct =>
                {
                    var live = await GetGenerationAsync(objectName, ct).ConfigureAwait(false);
                    var destination = new StorageObject { Bucket = Bucket, Name = objectName, ContentType = contentType };
                    return await UploadAsync(destination, content, live ?? 0, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            Log.ArtifactStored(_logger, Bucket, objectName, stored.Generation ?? 0);
        }
        catch (Exception ex) when (GcsErrors.IsClientFailure(ex))
        {
            throw GcsErrors.Translate(ex, "replacing", $"gs://{Bucket}/{objectName}", UserRole);
        }
    }

    /// <inheritdoc />
    /// <remarks>The download is validated against the object's CRC32C by the client (<see cref="DownloadValidationMode.Always"/>).</remarks>
    /// <exception cref="SnapshotSinkException">Cloud Storage refused the read, or kept failing.</exception>
    public async Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken)
    {
        var objectName = FullName($"{CheckSlotPath(slotPath)}/{ArtifactName.Check(fileName)}");
        try
        {
            return await _retry.ExecuteAsync(
                async ct =>
                {
                    using var buffer = new MemoryStream();
                    await _client.DownloadObjectAsync(Bucket, objectName, buffer, new DownloadObjectOptions(), ct).ConfigureAwait(false);
                    return buffer.ToArray();
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Google.GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception ex) when (GcsErrors.IsClientFailure(ex))
        {
            throw GcsErrors.Translate(ex, "reading", $"gs://{Bucket}/{objectName}", UserRole);
        }
    }

    private async ValueTask<StorageObject> UploadAsync(StorageObject destination, ReadOnlyMemory<byte> content, long ifGenerationMatch, CancellationToken cancellationToken)
    {
        var options = new UploadObjectOptions
        {
            IfGenerationMatch = ifGenerationMatch,
            UploadValidationMode = UploadValidationMode.RejectAndThrow,

            // Snapshots are ~20 KB: one chunk of the minimum size keeps each upload's buffer small (default 10 MiB).
            ChunkSize = UploadObjectOptions.MinimumChunkSize,
        };
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return await _client.UploadObjectAsync(destination, stream, options, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<long?> GetGenerationAsync(string objectName, CancellationToken cancellationToken)
    {
        try
        {
            var live = await _client.GetObjectAsync(Bucket, objectName, new GetObjectOptions { RetryOptions = RetryOptions.Never }, cancellationToken).ConfigureAwait(false);
            return live.Generation;
        }
        catch (Google.GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async ValueTask<IReadOnlySet<string>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);

        // The whole listing is retried by the sink's pipeline, so the client's own retries are off.
        var listing = _client.ListObjectsAsync(Bucket, folder, new ListObjectsOptions { RetryOptions = RetryOptions.Never });
        await foreach (var stored in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var rest = stored.Name.AsSpan(folder.Length);
            if (stored.Name.StartsWith(folder, StringComparison.Ordinal) && !rest.Contains('/') && rest.EndsWith(SnapshotExtension, StringComparison.Ordinal))
            {
                // Names relative to the sink, as SnapshotKey.ObjectName gives them.
                names.Add(Prefix.Length == 0 ? stored.Name : stored.Name[(Prefix.Length + 1)..]);
            }
        }

        return names;
    }

    // The bucket's object name of a name relative to the sink: the location's prefix, then the name. Object names are a
    // contract with users' buckets: {prefix}/{yyyy-MM-dd}/{HHmm}/{cameraId}.jpg, as before the sink owned its prefix.
    private string FullName(string relative) => Prefix.Length == 0 ? relative : $"{Prefix}/{relative}";

    private static string CheckSlotPath(string slotPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slotPath);
        var normalized = SnapshotPrefix.Normalize(slotPath);
        return normalized.Length > 0
            ? normalized
            : throw new ArgumentException($"Slot path '{slotPath}' names no folder.", nameof(slotPath));
    }

    /// <summary>Log events of the Cloud Storage sink (event ids 1200–1209).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, EventName = "GcsSnapshotStored", Level = LogLevel.Debug,
            Message = "Stored gs://{Bucket}/{ObjectName} (generation {Generation}, {Size} bytes)")]
        public static partial void SnapshotStored(ILogger logger, string bucket, string objectName, long generation, long size);

        [LoggerMessage(EventId = 1201, EventName = "GcsSnapshotAlreadyStored", Level = LogLevel.Debug,
            Message = "gs://{Bucket}/{ObjectName} already exists (HTTP 412 on ifGenerationMatch=0); not written again")]
        public static partial void SnapshotAlreadyStored(ILogger logger, string bucket, string objectName);

        [LoggerMessage(EventId = 1202, EventName = "GcsArtifactStored", Level = LogLevel.Debug,
            Message = "Stored run artifact gs://{Bucket}/{ObjectName} (generation {Generation})")]
        public static partial void ArtifactStored(ILogger logger, string bucket, string objectName, long generation);
    }
}
