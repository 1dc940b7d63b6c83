using System.Net;
using System.Text;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;
using Pax.GoogleCloud;
using Pax.TestSupport.Gcs;

namespace Pax.Collection.Tests.Sinks;

/// <summary>The sink through Google's <see cref="StorageClient"/> against a Cloud Storage stand-in that is strict where Google is.</summary>
public sealed class GcsSnapshotSinkTests : IAsyncLifetime
{
    private const string Bucket = "pax-snapshots";

    // The object name every snapshot of Key has in the bucket: a contract with users' buckets, pinned byte for byte.
    private const string KeyObject = "nyc/2025-01-02/0330/cam-1.jpg";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
    private static readonly SnapshotKey Key = new(CameraId.Create("cam-1"), new DateTimeOffset(2025, 1, 2, 3, 30, 0, TimeSpan.Zero));
    private static readonly SnapshotMetadata Metadata = new("Broadway @ W 42 St & 7 Av", new DateTimeOffset(2025, 1, 2, 3, 31, 5, 250, TimeSpan.FromHours(-5)), "image/jpeg", "ab12");
    private static readonly GoogleRetryOptions NoDelay = new() { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    private FakeGcsServer _server = null!;
    private StorageClient _client = null!;
    private FakeLogger<GcsSnapshotSink> _logger = null!;
    private GcsSnapshotSink _sink = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => StartAsync(new FakeGcsServerOptions());

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async ValueTask StartAsync(FakeGcsServerOptions options)
    {
        _server = await FakeGcsServer.StartAsync(options, Ct);
        _server.CreateBucket(Bucket);
        _client = GcsTestClients.For(_server);
        _logger = new FakeLogger<GcsSnapshotSink>();
        _sink = new GcsSnapshotSink(_client, SnapshotSinkLocation.Parse($"gs://{Bucket}/nyc/"), _logger, NoDelay);
    }

    private async Task RestartAsync(FakeGcsServerOptions options)
    {
        await DisposeAsync();
        await StartAsync(options);
    }

    [Fact]
    public async Task Write_stores_the_snapshot_with_a_create_only_resumable_upload_and_its_crc32c()
    {
        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        var stored = Assert.IsType<FakeGcsObject>(_server.GetObject(Bucket, "nyc/2025-01-02/0330/cam-1.jpg"));
        Assert.Equal(Jpeg, stored.Data);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal("Broadway @ W 42 St & 7 Av", stored.Metadata[GcsSnapshotSink.CameraNameMetadataKey]);
        Assert.Equal("2025-01-02T08:31:05.2500000Z", stored.Metadata[GcsSnapshotSink.FetchedAtMetadataKey]);
        Assert.Equal("ab12", stored.Metadata[GcsSnapshotSink.Sha256MetadataKey]);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].IsUpload);
        Assert.Equal("resumable", requests[0].Query["uploadType"]);
        Assert.Equal("0", requests[0].Query["ifGenerationMatch"]);
        Assert.True(requests[1].IsUploadChunk);
        Assert.Contains($"crc32c={stored.Crc32c}", requests[1].GetHeader("x-goog-hash"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_returns_AlreadyExists_when_the_object_exists_and_leaves_it_alone()
    {
        var existing = _server.PutObject(Bucket, KeyObject, [1, 2], "image/jpeg");

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.AlreadyExists, result);
        Assert.Equal(existing, _server.GetObject(Bucket, KeyObject));
        var log = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1201);
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Contains("gs://pax-snapshots/nyc/2025-01-02/0330/cam-1.jpg already exists", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_returns_AlreadyExists_when_the_object_appears_between_initiation_and_finalisation()
    {
        _server.EnqueueFault(
            r =>
            {
                if (r.IsUploadChunk)
                {
                    _server.PutObject(Bucket, KeyObject, [9], "image/jpeg");
                }

                return false;
            },
            FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.AlreadyExists, result);
        Assert.Equal([9], _server.GetObject(Bucket, KeyObject)!.Data);
    }

    [Fact]
    public async Task A_503_on_the_first_finalisation_is_resumed_with_a_status_query_and_stores_once()
    {
        await RestartAsync(new FakeGcsServerOptions { FirstFinalisationStatus = HttpStatusCode.ServiceUnavailable });

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Equal(Jpeg, Assert.Single(_server.ListObjects(Bucket)).Data);
        var chunks = _server.Requests.Where(r => r.IsUploadChunk).ToList();
        Assert.Equal(3, chunks.Count);
        Assert.Equal($"bytes */{Jpeg.Length}", chunks[1].GetHeader("Content-Range"));
        Assert.Single(_server.Requests, r => r.IsUpload);
    }

    [Fact]
    public async Task A_response_lost_after_the_commit_ends_Created_with_one_object()
    {
        _server.EnqueueFault(r => r.IsUploadChunk, FakeGcsFault.LoseResponse());

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Equal(Jpeg, Assert.Single(_server.ListObjects(Bucket)).Data);
    }

    [Fact]
    public async Task Initiations_answered_429_then_503_are_retried_and_store_once()
    {
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests));
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Equal(3, _server.Requests.Count(r => r.IsUpload));
        Assert.Single(_server.ListObjects(Bucket));
    }

    [Fact]
    public async Task A_429_on_the_finalising_put_is_retried_with_a_new_session()
    {
        _server.EnqueueFault(r => r.IsUploadChunk, FakeGcsFault.Status(HttpStatusCode.TooManyRequests));

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Single(_server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Bytes_corrupted_in_transit_are_refused_by_the_crc32c_check_and_nothing_is_stored()
    {
        _server.EnqueueFault(r => r.IsUploadChunk, FakeGcsFault.CorruptUpload());

        var exception = await Assert.ThrowsAsync<SnapshotSinkException>(() => _sink.WriteAsync(Key, Jpeg, Metadata, Ct));

        Assert.Equal(SnapshotSinkFailure.Rejected, exception.Failure);
        Assert.Contains("HTTP 400", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CRC32C", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Write_refused_with_403_is_access_refused_naming_the_role_to_grant()
    {
        _server.DenyPermission("storage.objects.create");

        var exception = await Assert.ThrowsAsync<SnapshotSinkException>(() => _sink.WriteAsync(Key, Jpeg, Metadata, Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, exception.Failure);
        Assert.Contains("HTTP 403", exception.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
        Assert.Contains("grant roles/storage.objectCreator", exception.Message, StringComparison.Ordinal);
        Assert.Contains("storage.objects.create", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshots_need_only_the_object_creator_role()
    {
        _server.SetRole(FakeGcsRole.ObjectCreator);

        Assert.Equal(SnapshotWriteResult.Created, await _sink.WriteAsync(Key, Jpeg, Metadata, Ct));
        Assert.Equal(SnapshotWriteResult.AlreadyExists, await _sink.WriteAsync(Key, Jpeg, Metadata, Ct));
    }

    [Fact]
    public async Task List_returns_the_jpg_snapshots_directly_in_the_slot()
    {
        _server.PutObject(Bucket, "nyc/2025-01-02/0330/cam-1.jpg", [1]);
        _server.PutObject(Bucket, "nyc/2025-01-02/0330/cam-2.jpg", [1]);
        _server.PutObject(Bucket, "nyc/2025-01-02/0330/report.json", [1]);
        _server.PutObject(Bucket, "nyc/2025-01-02/0330/nested/cam-3.jpg", [1]);
        _server.PutObject(Bucket, "nyc/2025-01-02/03300/cam-4.jpg", [1]);
        _server.PutObject(Bucket, "nyc/2025-01-02/0400/cam-5.jpg", [1]);
        _server.EnqueueFault(r => r.IsList, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));

        var listed = await _sink.ListSnapshotsAsync(Key.SlotPath, Ct);

        // Names relative to the sink (its prefix removed), as SnapshotKey.ObjectName gives them.
        Assert.Equal(["2025-01-02/0330/cam-1.jpg", "2025-01-02/0330/cam-2.jpg"], listed.Order(StringComparer.Ordinal));
        Assert.Contains(Key.ObjectName, listed);
    }

    [Fact]
    public async Task Artifacts_are_replaced_under_the_generation_they_read_and_read_back()
    {
        await _sink.WriteArtifactAsync(Key.SlotPath, "report.json", Encoding.UTF8.GetBytes("{\"v\":1}"), "application/json", Ct);
        var first = _server.GetObject(Bucket, "nyc/2025-01-02/0330/report.json")!;
        await _sink.WriteArtifactAsync(Key.SlotPath, "report.json", Encoding.UTF8.GetBytes("{\"v\":2}"), "application/json", Ct);

        var read = await _sink.ReadArtifactAsync(Key.SlotPath, "report.json", Ct);

        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString(read!));
        var stored = Assert.Single(_server.ListObjects(Bucket));
        Assert.Equal("application/json", stored.ContentType);
        var initiations = _server.Requests.Where(r => r.IsUpload).Select(r => r.Query["ifGenerationMatch"]).ToList();
        Assert.Equal(["0", first.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)], initiations);
        Assert.All(_server.Requests.Where(r => r.IsGetMetadata || r.IsDownload), r => Assert.Contains("%2F", r.RawPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replacing_an_artifact_whose_every_first_finalisation_fails_is_retried_until_stored()
    {
        await RestartAsync(new FakeGcsServerOptions { FirstFinalisationStatus = HttpStatusCode.ServiceUnavailable });
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests), count: 2);

        await _sink.WriteArtifactAsync(Key.SlotPath, "report.json", "1"u8.ToArray(), "application/json", Ct);
        await _sink.WriteArtifactAsync(Key.SlotPath, "report.json", "2"u8.ToArray(), "application/json", Ct);

        Assert.Equal("2"u8.ToArray(), _server.GetObject(Bucket, "nyc/2025-01-02/0330/report.json")!.Data);
    }

    [Fact]
    public async Task Replacing_an_artifact_without_storage_objects_delete_is_refused_with_403_naming_the_role()
    {
        _server.PutObject(Bucket, "nyc/2025-01-02/0330/report.json", [1]);
        _server.DenyPermission("storage.objects.delete");

        var exception = await Assert.ThrowsAsync<SnapshotSinkException>(() => _sink.WriteArtifactAsync(Key.SlotPath, "report.json", new byte[] { 2 }, "application/json", Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, exception.Failure);
        Assert.Contains("storage.objects.delete", exception.Message, StringComparison.Ordinal);
        Assert.Contains("roles/storage.objectUser", exception.Message, StringComparison.Ordinal);
        Assert.Equal([1], _server.GetObject(Bucket, "nyc/2025-01-02/0330/report.json")!.Data);
    }

    [Fact]
    public async Task A_download_whose_bytes_do_not_match_the_crc32c_is_retried_and_never_returned()
    {
        _server.PutObject(Bucket, "nyc/2025-01-02/0330/report.json", "{\"v\":1}"u8.ToArray(), "application/json");
        _server.EnqueueFault(r => r.IsDownload, FakeGcsFault.CorruptMedia());

        var read = await _sink.ReadArtifactAsync(Key.SlotPath, "report.json", Ct);

        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString(read!));
        Assert.Equal(2, _server.Requests.Count(r => r.IsDownload));
    }

    [Fact]
    public async Task Reading_a_missing_artifact_returns_null()
    {
        Assert.Null(await _sink.ReadArtifactAsync(Key.SlotPath, "report.json", Ct));
    }

    [Theory]
    [InlineData("../report.json")]
    [InlineData("a/b.json")]
    [InlineData("..")]
    [InlineData("")]
    public async Task Artifact_names_must_be_plain_file_names(string fileName)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _sink.WriteArtifactAsync(Key.SlotPath, fileName, Jpeg, "application/json", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _sink.ReadArtifactAsync(Key.SlotPath, fileName, Ct));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Location_is_the_bucket_and_prefix_url()
    {
        Assert.Equal("gs://pax-snapshots/nyc", _sink.Location);
        Assert.Equal(Bucket, _sink.Bucket);
        Assert.Equal("nyc", _sink.Prefix);
        Assert.Equal("gs://pax-snapshots", new GcsSnapshotSink(_client, SnapshotSinkLocation.Parse("gs://pax-snapshots"), _logger).Location);
        Assert.Equal("gs://pax-snapshots/a/b", new GcsSnapshotSink(_client, SnapshotSinkLocation.Parse("gs://pax-snapshots/a/b/"), _logger).Location);
    }

    [Theory]
    [InlineData("gs://pax-snapshots", "2025-01-02/0330/cam-1.jpg")]
    [InlineData("gs://pax-snapshots/nyc", "nyc/2025-01-02/0330/cam-1.jpg")]
    [InlineData("gs://pax-snapshots/cams/nyc/", "cams/nyc/2025-01-02/0330/cam-1.jpg")]
    public async Task Object_names_are_the_prefix_then_date_time_and_camera(string location, string objectName)
    {
        var sink = new GcsSnapshotSink(_client, SnapshotSinkLocation.Parse(location), _logger, NoDelay);

        await sink.WriteAsync(Key, Jpeg, Metadata, Ct);
        await sink.WriteArtifactAsync(Key.SlotPath, "report.json", "{}"u8.ToArray(), "application/json", Ct);

        Assert.Equal(
            [objectName, objectName[..objectName.LastIndexOf('/')] + "/report.json"],
            _server.ListObjects(Bucket).Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal([Key.ObjectName], await sink.ListSnapshotsAsync(Key.SlotPath, Ct));
    }

    [Fact]
    public async Task Listing_refused_with_403_is_access_refused()
    {
        _server.DenyPermission("storage.objects.list");

        var exception = await Assert.ThrowsAsync<SnapshotSinkException>(() => _sink.ListSnapshotsAsync(Key.SlotPath, Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, exception.Failure);
        Assert.Contains("storage.objects.list", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_answered_503_until_the_retries_run_out_is_unavailable()
    {
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable), count: NoDelay.MaxRetryAttempts + 1);

        var exception = await Assert.ThrowsAsync<SnapshotSinkException>(() => _sink.WriteAsync(Key, Jpeg, Metadata, Ct));

        Assert.Equal(SnapshotSinkFailure.Unavailable, exception.Failure);
        Assert.Contains("HTTP 503", exception.Message, StringComparison.Ordinal);
        Assert.Equal(NoDelay.MaxRetryAttempts + 1, _server.Requests.Count(r => r.IsUpload));
        Assert.Empty(_server.ListObjects(Bucket));
    }

    [Fact]
    public async Task A_listing_that_cannot_reach_cloud_storage_is_unavailable()
    {
        _server.EnqueueFault(r => r.IsList, FakeGcsFault.AbortConnection(), count: NoDelay.MaxRetryAttempts + 1);

        var exception = await Assert.ThrowsAsync<SnapshotSinkException>(() => _sink.ListSnapshotsAsync(Key.SlotPath, Ct));

        Assert.Equal(SnapshotSinkFailure.Unavailable, exception.Failure);
    }

    [Fact]
    public void Constructor_rejects_a_folder_location()
    {
        Assert.Throws<ArgumentException>(() => new GcsSnapshotSink(_client, SnapshotSinkLocation.Parse("./pax-data"), _logger));
    }
}
