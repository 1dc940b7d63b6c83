using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Storage;
using Pax.TestSupport.Gcs;

namespace Pax.Collection.Tests.Sinks;

public sealed class GcsSnapshotSinkTests : IAsyncLifetime
{
    private const string Bucket = "pax-snapshots";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
    private static readonly SnapshotKey Key = new("nyc", CameraId.Create("cam-1"), new DateTimeOffset(2025, 1, 2, 3, 30, 0, TimeSpan.Zero));
    private static readonly SnapshotMetadata Metadata = new("Broadway @ W 42 St & 7 Av", new DateTimeOffset(2025, 1, 2, 3, 31, 5, 250, TimeSpan.FromHours(-5)), "image/jpeg", "ab12");

    private FakeGcsServer _server = null!;
    private ServiceProvider _services = null!;
    private FakeLogger<GcsSnapshotSink> _logger = null!;
    private GcsSnapshotSink _sink = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeGcsServer.StartAsync(cancellationToken: Ct);
        _server.CreateBucket(Bucket);
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(FakeGcsServerOptions.DefaultAccessToken));
        services.AddPaxGoogleCloud(options =>
        {
            options.StorageEndpoint = _server.BaseAddress;
            options.Retry.InitialDelay = TimeSpan.Zero;
            options.Retry.MaxDelay = TimeSpan.Zero;
        });
        _services = services.BuildServiceProvider();
        _logger = new FakeLogger<GcsSnapshotSink>();
        _sink = new GcsSnapshotSink(_services.GetRequiredService<StorageObjectsClient>(), Bucket, _logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Write_stores_the_snapshot_under_its_key_with_metadata()
    {
        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        var stored = Assert.IsType<FakeGcsObject>(_server.GetObject(Bucket, "nyc/2025-01-02/0330/cam-1.jpg"));
        Assert.Equal(Jpeg, stored.Data);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal("Broadway @ W 42 St & 7 Av", stored.Metadata[GcsSnapshotSink.CameraNameMetadataKey]);
        Assert.Equal("2025-01-02T08:31:05.2500000Z", stored.Metadata[GcsSnapshotSink.FetchedAtMetadataKey]);
        Assert.Equal("ab12", stored.Metadata[GcsSnapshotSink.Sha256MetadataKey]);
        Assert.Equal("0", Assert.Single(_server.Requests).Query["ifGenerationMatch"]);
    }

    [Fact]
    public async Task Write_returns_AlreadyExists_when_the_object_exists_and_leaves_it_alone()
    {
        var existing = _server.PutObject(Bucket, Key.ObjectName, [1, 2], "image/jpeg");

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.AlreadyExists, result);
        Assert.Equal(existing, _server.GetObject(Bucket, Key.ObjectName));
        var log = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1201);
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Contains("gs://pax-snapshots/nyc/2025-01-02/0330/cam-1.jpg already exists", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_whose_response_was_lost_returns_AlreadyExists_and_stores_one_object()
    {
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.LoseResponse());

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.AlreadyExists, result);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(Jpeg, Assert.Single(_server.ListObjects(Bucket)).Data);
    }

    [Fact]
    public async Task Write_is_retried_after_429_and_503_and_stores_once()
    {
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests));
        _server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));

        var result = await _sink.WriteAsync(Key, Jpeg, Metadata, Ct);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Single(_server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Write_refused_with_403_throws_naming_the_role_to_grant()
    {
        _server.DenyPermission("storage.objects.create");

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => _sink.WriteAsync(Key, Jpeg, Metadata, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, exception.HttpStatus);
        Assert.Contains("grant roles/storage.objectCreator", exception.Message, StringComparison.Ordinal);
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

        var listed = await _sink.ListSnapshotsAsync(Key.SlotPath, Ct);

        Assert.Equal(["nyc/2025-01-02/0330/cam-1.jpg", "nyc/2025-01-02/0330/cam-2.jpg"], listed.Order(StringComparer.Ordinal));
        Assert.Contains(Key.ObjectName, listed);
    }

    [Fact]
    public async Task Artifacts_are_replaced_and_read_back()
    {
        await _sink.WriteArtifactAsync(Key.SlotPath, "report.json", Encoding.UTF8.GetBytes("{\"v\":1}"), "application/json", Ct);
        await _sink.WriteArtifactAsync(Key.SlotPath, "report.json", Encoding.UTF8.GetBytes("{\"v\":2}"), "application/json", Ct);

        var read = await _sink.ReadArtifactAsync(Key.SlotPath, "report.json", Ct);

        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString(read!));
        var stored = Assert.Single(_server.ListObjects(Bucket));
        Assert.Equal("nyc/2025-01-02/0330/report.json", stored.Name);
        Assert.Equal("application/json", stored.ContentType);
        Assert.All(_server.Requests.Where(r => r.IsUpload), r => Assert.False(r.Query.ContainsKey("ifGenerationMatch")));
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
    public void Location_is_the_bucket_url()
    {
        Assert.Equal("gs://pax-snapshots", _sink.Location);
        Assert.Equal(Bucket, _sink.Bucket);
    }

    [Theory]
    [InlineData("gs://pax-snapshots")]
    [InlineData("Pax")]
    [InlineData("")]
    public void Constructor_rejects_invalid_bucket_names(string bucket)
    {
        Assert.Throws<ArgumentException>(() => new GcsSnapshotSink(_services.GetRequiredService<StorageObjectsClient>(), bucket, _logger));
    }
}
