using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Pax.Collection.Sinks.Internal;
using Pax.Collection.Snapshots;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Storage;

namespace Pax.Collection.Sinks;

/// <summary>
/// Stores snapshots in a Cloud Storage bucket, create-only: each snapshot is inserted with <c>ifGenerationMatch=0</c>,
/// so Cloud Storage itself refuses a second copy (HTTP 412, reported as <see cref="SnapshotWriteResult.AlreadyExists"/>)
/// and the insert is safe to retry after a lost response. Objects carry the camera name, fetch time and SHA-256 as
/// custom metadata (<see cref="CameraNameMetadataKey"/>, <see cref="FetchedAtMetadataKey"/>, <see cref="Sha256MetadataKey"/>).
/// The service account needs <c>roles/storage.objectCreator</c> for snapshots, <c>roles/storage.objectUser</c> to
/// replace run artifacts, and <c>roles/storage.objectViewer</c> to list and read.
/// </summary>
public sealed partial class GcsSnapshotSink : ISnapshotSink
{
    /// <summary>The custom-metadata key holding the camera's name at fetch time: <c>camera-name</c>.</summary>
    public const string CameraNameMetadataKey = "camera-name";

    /// <summary>The custom-metadata key holding the fetch time, ISO 8601 in UTC: <c>fetched-at</c>.</summary>
    public const string FetchedAtMetadataKey = "fetched-at";

    /// <summary>The custom-metadata key holding the lower-case hex SHA-256 of the image: <c>sha256</c>.</summary>
    public const string Sha256MetadataKey = "sha256";

    private const string SnapshotExtension = ".jpg";
    private readonly StorageObjectsClient _client;
    private readonly ILogger<GcsSnapshotSink> _logger;

    /// <summary>Initializes a sink writing to <paramref name="bucket"/>.</summary>
    /// <param name="client">The Storage client (from DI, after <c>AddPaxGoogleCloud</c>).</param>
    /// <param name="bucket">The bucket's name, without <c>gs://</c>.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException"><paramref name="bucket"/> is not a valid bucket name.</exception>
    public GcsSnapshotSink(StorageObjectsClient client, string bucket, ILogger<GcsSnapshotSink> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        if (!StorageNames.TryValidateBucketName(bucket, out var reason))
        {
            throw new ArgumentException(reason, nameof(bucket));
        }

        _client = client;
        _logger = logger;
        Bucket = bucket;
    }

    /// <summary>Gets the bucket's name.</summary>
    public string Bucket { get; }

    /// <inheritdoc />
    public string Location => $"gs://{Bucket}";

    /// <inheritdoc />
    /// <exception cref="GoogleApiException">Cloud Storage refused the insert for another reason than an existing object.</exception>
    /// <exception cref="StorageDataCorruptionException">Cloud Storage reports a CRC32C other than the image's.</exception>
    public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var objectName = key.ObjectName;
        var options = new InsertObjectOptions
        {
            ContentType = metadata.ContentType,
            IfGenerationMatch = 0,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [CameraNameMetadataKey] = metadata.CameraName,
                [FetchedAtMetadataKey] = metadata.FetchedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                [Sha256MetadataKey] = metadata.Sha256,
            },
        };

        try
        {
            var stored = await _client.InsertObjectAsync(Bucket, objectName, content, options, cancellationToken).ConfigureAwait(false);
            Log.SnapshotStored(_logger, Bucket, objectName, stored.Generation, stored.Size);
            return SnapshotWriteResult.Created;
        }
        catch (GoogleApiException ex) when (ex.HttpStatus == HttpStatusCode.PreconditionFailed)
        {
            // A previous task, execution or attempt (whose response was lost) stored it: the snapshot is there.
            Log.SnapshotAlreadyStored(_logger, Bucket, objectName);
            return SnapshotWriteResult.AlreadyExists;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken)
    {
        var folder = CheckSlotPath(slotPath) + "/";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stored in _client.ListObjectsAsync(Bucket, folder, cancellationToken).ConfigureAwait(false))
        {
            var rest = stored.Name.AsSpan(folder.Length);
            if (stored.Name.StartsWith(folder, StringComparison.Ordinal)
                && !rest.Contains('/')
                && rest.EndsWith(SnapshotExtension, StringComparison.Ordinal))
            {
                names.Add(stored.Name);
            }
        }

        return names;
    }

    /// <inheritdoc />
    /// <remarks>The insert is unconditional (it replaces an earlier version), so it is not retried on transient failures.</remarks>
    public async Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var objectName = $"{CheckSlotPath(slotPath)}/{ArtifactName.Check(fileName)}";
        var options = new InsertObjectOptions { ContentType = contentType };
        var stored = await _client.InsertObjectAsync(Bucket, objectName, content, options, cancellationToken).ConfigureAwait(false);
        Log.ArtifactStored(_logger, Bucket, objectName, stored.Generation);
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) =>
        _client.DownloadObjectAsync(Bucket, $"{CheckSlotPath(slotPath)}/{ArtifactName.Check(fileName)}", cancellationToken);

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
