using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.CameraSimulator;
using Pax.Collector.Job;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Auth;
using Pax.TestSupport.Gcs;

namespace Pax.IntegrationTests.Collector;

public sealed class CollectorGcsTests : IAsyncLifetime
{
    private const string Bucket = "pax-snapshots";
    private const string SlotPath = "nyc/2026-02-10/1430";
    private CameraSimulatorServer _simulator = null!;
    private FakeGcsServer _gcs = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 90, Seed = 5 }, cancellationToken: TestContext.Current.CancellationToken);
        _gcs = await FakeGcsServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _gcs.CreateBucket(Bucket);
    }

    public async ValueTask DisposeAsync()
    {
        await _gcs.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private CollectorRun NewRun() => new()
    {
        ConfigureServices = services =>
        {
            services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(FakeGcsServerOptions.DefaultAccessToken));
            services.Configure<GoogleCloudOptions>(options =>
            {
                options.StorageEndpoint = _gcs.BaseAddress;
                options.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
                options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            });
        },
    };

    private Task<int> RunAsync(CollectorRun run) =>
        run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", $"gs://{Bucket}/nyc", "--slot", "2026-02-10T14:44:00Z");

    private IReadOnlyList<FakeGcsObject> Snapshots() => [.. _gcs.ListObjects(Bucket).Where(o => o.Name.EndsWith(".jpg", StringComparison.Ordinal))];

    [Fact]
    public async Task Snapshots_and_reports_go_to_the_bucket_under_the_prefix()
    {
        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        Assert.Equal(CameraSimulatorOptions.CorridorCameras, Snapshots().Count);
        Assert.All(Snapshots(), o => Assert.StartsWith(SlotPath + "/", o.Name, StringComparison.Ordinal));
        var report = _gcs.GetObject(Bucket, SlotPath + "/report.json");
        Assert.NotNull(report);
        using var json = JsonDocument.Parse(report.Data);
        Assert.Equal($"gs://{Bucket}", json.RootElement.GetProperty("sink").GetString());
        Assert.NotNull(_gcs.GetObject(Bucket, SlotPath + "/report.html"));
        var snapshotUploads = _gcs.Requests.Where(r => r.IsUpload && r.ObjectName!.EndsWith(".jpg", StringComparison.Ordinal)).ToList();
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, snapshotUploads.Count);
        Assert.All(snapshotUploads, r => Assert.Contains("ifGenerationMatch=0", r.RawTarget, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transient_gcs_errors_are_retried_and_lost_responses_end_already_stored()
    {
        _gcs.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests), count: 2);
        _gcs.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable), count: 2);
        _gcs.EnqueueFault(r => r.IsUpload && r.ObjectName!.EndsWith(".jpg", StringComparison.Ordinal), FakeGcsFault.LoseResponse(), count: 1);

        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        Assert.Equal(CameraSimulatorOptions.CorridorCameras, Snapshots().Count);
        using var report = JsonDocument.Parse(_gcs.GetObject(Bucket, SlotPath + "/report.json")!.Data);
        var counts = report.RootElement.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("already_stored").GetInt32());
        Assert.Equal(CameraSimulatorOptions.CorridorCameras - 1, counts.GetProperty("stored").GetInt32());
        var uploads = _gcs.Requests.Count(r => r.IsUpload && r.ObjectName!.EndsWith(".jpg", StringComparison.Ordinal));
        Assert.Equal(CameraSimulatorOptions.CorridorCameras + 5, uploads);
    }

    [Fact]
    public async Task A_rerun_adds_nothing_to_the_bucket()
    {
        await RunAsync(NewRun());
        var generations = Snapshots().ToDictionary(o => o.Name, o => o.Generation);

        Assert.Equal(CollectorExitCodes.Success, await RunAsync(NewRun()));

        Assert.Equal(generations, Snapshots().ToDictionary(o => o.Name, o => o.Generation));
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
    public async Task A_wrong_token_is_rejected_and_reported()
    {
        var run = NewRun();
        var configure = run.ConfigureServices!;
        run.ConfigureServices = services =>
        {
            configure(services);
            services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider("expired-token"));
        };

        Assert.Equal(CollectorExitCodes.Failed, await RunAsync(run));

        Assert.Contains("401", run.Error.ToString() + run.Output, StringComparison.Ordinal);
    }
}
