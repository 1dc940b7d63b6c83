using System.Net;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.DependencyInjection;
using Pax.CameraSimulator;
using Pax.Collection.Hosting;
using Pax.GoogleCloud;
using Pax.TestSupport.Gcs;

namespace Pax.IntegrationTests.Collector;

/// <summary>The collector against a Cloud Storage stand-in reached as STORAGE_EMULATOR_HOST, as strict as Cloud Storage where it matters.</summary>
public sealed class CollectorGcsTests : IAsyncLifetime
{
    private const string Bucket = "pax-snapshots";
    private const string SlotPath = "nyc/2026-02-10/1430";
    private CameraSimulatorServer _simulator = null!;
    private FakeGcsServer _gcs = null!;

    public ValueTask InitializeAsync() => StartAsync(new FakeGcsServerOptions { AccessToken = null });

    public async ValueTask DisposeAsync()
    {
        await _gcs.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private async ValueTask StartAsync(FakeGcsServerOptions options)
    {
        _simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 90, Seed = 5 }, cancellationToken: TestContext.Current.CancellationToken);
        _gcs = await FakeGcsServer.StartAsync(options, TestContext.Current.CancellationToken);
        _gcs.CreateBucket(Bucket);
    }

    private async Task RestartAsync(FakeGcsServerOptions options)
    {
        await DisposeAsync();
        await StartAsync(options);
    }

    private CollectorRun NewRun() => new()
    {
        ConfigureServices = services => services.Configure<GoogleCloudOptions>(options =>
        {
            options.StorageEmulatorHost = _gcs.BaseAddress.ToString();
            options.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        }),
    };

    private Task<int> RunAsync(CollectorRun run) =>
        run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", $"gs://{Bucket}/nyc", "--slot", "2026-02-10T14:44:00Z");

    private IReadOnlyList<FakeGcsObject> Snapshots() => [.. _gcs.ListObjects(Bucket).Where(o => o.Name.EndsWith(".jpg", StringComparison.Ordinal))];

    private JsonElement Report()
    {
        using var json = JsonDocument.Parse(_gcs.GetObject(Bucket, SlotPath + "/report.json")!.Data);
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Snapshots_and_reports_go_to_the_bucket_under_the_prefix_without_credentials()
    {
        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        Assert.Equal(CameraSimulatorOptions.CorridorCameras, Snapshots().Count);
        Assert.All(Snapshots(), o => Assert.StartsWith(SlotPath + "/", o.Name, StringComparison.Ordinal));
        Assert.Equal($"gs://{Bucket}/nyc", Report().GetProperty("sink").GetString());
        Assert.NotNull(_gcs.GetObject(Bucket, SlotPath + "/report.html"));
        var snapshotUploads = _gcs.Requests.Where(r => r.IsUpload && r.ObjectName!.EndsWith(".jpg", StringComparison.Ordinal)).ToList();
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, snapshotUploads.Count);
        Assert.All(snapshotUploads, r => Assert.Equal("0", r.Query["ifGenerationMatch"]));
        Assert.All(_gcs.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task A_503_on_every_first_finalisation_and_429s_store_everything_on_the_first_run_and_the_rerun()
    {
        await RestartAsync(new FakeGcsServerOptions { AccessToken = null, FirstFinalisationStatus = HttpStatusCode.ServiceUnavailable });
        _gcs.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests), count: 10);

        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));
        var generations = Snapshots().ToDictionary(o => o.Name, o => o.Generation);
        var firstReport = _gcs.GetObject(Bucket, SlotPath + "/report.json")!;
        _gcs.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests), count: 4);
        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        Assert.Equal(CameraSimulatorOptions.CorridorCameras, generations.Count);
        Assert.Equal(generations, Snapshots().ToDictionary(o => o.Name, o => o.Generation));
        Assert.True(_gcs.GetObject(Bucket, SlotPath + "/report.json")!.Generation > firstReport.Generation);
        Assert.NotNull(_gcs.GetObject(Bucket, SlotPath + "/report.html"));
        var reportInitiations = _gcs.Requests.Where(r => r.IsUpload && r.ObjectName == SlotPath + "/report.json").ToList();
        Assert.All(reportInitiations, r => Assert.True(r.Query.ContainsKey("ifGenerationMatch")));
    }

    [Fact]
    public async Task A_rerun_keeps_the_bytes_and_sha256_of_snapshots_stored_earlier()
    {
        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));
        var first = Report().GetProperty("cameras").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => (c.GetProperty("bytes").GetInt32(), c.GetProperty("sha256").GetString()));

        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        var again = Report().GetProperty("cameras").EnumerateArray().ToList();
        Assert.All(again, c => Assert.Equal("already_stored", c.GetProperty("outcome").GetString()));
        Assert.Equal(first, again.ToDictionary(c => c.GetProperty("id").GetString()!, c => (c.GetProperty("bytes").GetInt32(), c.GetProperty("sha256").GetString())));
    }

    [Fact]
    public async Task A_report_that_cannot_be_replaced_is_logged_as_an_error_and_exits_3_without_a_crash()
    {
        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));
        var generations = Snapshots().ToDictionary(o => o.Name, o => o.Generation);
        _gcs.DenyPermission("storage.objects.delete");
        var run = NewRun();

        Assert.Equal(CollectorExitCodes.ArtifactsNotWritten, await RunAsync(run));

        Assert.Equal(generations, Snapshots().ToDictionary(o => o.Name, o => o.Generation));
        var errors = run.LogLines.Where(l => l.GetProperty("severity").GetString() == "ERROR").ToList();
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("storage.objects.delete", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_corrupted_on_the_way_fail_that_camera_only()
    {
        _gcs.EnqueueFault(r => r.IsUploadChunk && r.ObjectName!.EndsWith(".jpg", StringComparison.Ordinal), FakeGcsFault.CorruptUpload());

        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        Assert.Equal(CameraSimulatorOptions.CorridorCameras - 1, Snapshots().Count);
        var failed = Assert.Single(Report().GetProperty("cameras").EnumerateArray(), c => c.GetProperty("outcome").GetString() == "failed");
        Assert.Contains("CRC32C", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_permission_fails_the_run_with_a_message_naming_it()
    {
        _gcs.DenyPermission("storage.objects.create");
        var run = NewRun();

        Assert.Equal(CollectorExitCodes.Failed, await RunAsync(run));

        Assert.Contains("storage.objects.create", run.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Snapshots());
    }

    [Fact]
    public async Task A_bucket_unavailable_before_any_fetch_fails_the_run_with_exit_2()
    {
        // Every listing answered 503 (cloud.google.com/storage/docs/json_api/v1/status-codes: "503 Service Unavailable")
        // until the sink's retries run out: the sink is unavailable, checked before any camera is fetched.
        _gcs.EnqueueFault(r => r.IsList, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable), count: 100);
        var run = NewRun();

        Assert.Equal(CollectorExitCodes.Failed, await RunAsync(run));

        Assert.Contains("HTTP 503", run.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Snapshots());
        Assert.Equal(0, _simulator.GetImageRequestCount(_simulator.Cameras[0].Id));
    }

    [Fact]
    public async Task Snapshot_writes_unavailable_after_their_retries_fail_those_cameras_and_exit_1()
    {
        _gcs.EnqueueFault(r => r.IsUpload && r.ObjectName!.EndsWith(".jpg", StringComparison.Ordinal), FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable), count: 10_000);

        Assert.Equal(CollectorExitCodes.UnderFloor, await RunAsync(NewRun()));

        Assert.Empty(Snapshots());
        var cameras = Report().GetProperty("cameras").EnumerateArray().ToList();
        Assert.DoesNotContain(cameras, c => c.GetProperty("outcome").GetString() is "stored" or "already_stored");
        var failed = cameras.Where(c => c.GetProperty("outcome").GetString() == "failed").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, c => Assert.Contains("HTTP 503", c.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_applications_own_storage_client_is_used_and_a_wrong_token_is_reported()
    {
        await RestartAsync(new FakeGcsServerOptions());
        var run = NewRun();
        run.ConfigureServices += services => services.AddSingleton(new StorageClientBuilder
        {
            BaseUri = $"{_gcs.BaseAddress}storage/v1/",
            Credential = GoogleCredential.FromAccessToken("expired-token"),
        }.Build());

        Assert.Equal(CollectorExitCodes.Failed, await RunAsync(run));

        Assert.Contains("401", run.Error.ToString() + run.Output, StringComparison.Ordinal);
        Assert.All(_gcs.Requests, r => Assert.Equal("Bearer expired-token", r.Authorization));
    }
}
