using Microsoft.Extensions.DependencyInjection;
using Pax.CameraSimulator;
using Pax.Collection.Cameras;
using Pax.Collection.Hosting;

namespace Pax.IntegrationTests.Collector;

/// <summary>How the collector ends when its sink is unusable or something unexpected happens: never with a crash.</summary>
public sealed class CollectorFailureTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-collector-" + Guid.NewGuid().ToString("N"));
    private CameraSimulatorServer _simulator = null!;

    public async ValueTask InitializeAsync() =>
        _simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 90, Seed = 3 }, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_sink_folder_that_cannot_be_created_fails_before_any_camera_is_fetched()
    {
        var run = new CollectorRun();

        var exit = await run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", "/proc/nope", "--slot", "2026-02-10T14:30:00Z");

        Assert.Equal(CollectorExitCodes.Failed, exit);
        Assert.Contains("/proc/nope", run.Error.ToString(), StringComparison.Ordinal);
        Assert.All(_simulator.Cameras, c => Assert.Equal(0, _simulator.GetImageRequestCount(c.Id)));
    }

    [Fact]
    public async Task On_Cloud_Run_a_sink_that_cannot_be_used_is_one_critical_entry_without_a_stack()
    {
        var run = new CollectorRun();
        run.Variables["CLOUD_RUN_JOB"] = "pax-collector-prod";

        var exit = await run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", "/proc/nope", "--slot", "2026-02-10T14:30:00Z");

        Assert.Equal(CollectorExitCodes.Failed, exit);
        Assert.Empty(run.Error.ToString());
        var entry = Assert.Single(run.LogLines, l => l.GetProperty("severity").GetString() is "ERROR" or "CRITICAL");
        Assert.Equal("CRITICAL", entry.GetProperty("severity").GetString());
        Assert.Contains("/proc/nope", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(entry.TryGetProperty("stack_trace", out _));
    }

    [Fact]
    public async Task An_unexpected_exception_ends_in_one_error_line_for_error_reporting_and_exit_70()
    {
        var run = new CollectorRun();
        run.Variables["CLOUD_RUN_JOB"] = "pax-collector-prod";
        run.ConfigureServices = services => services.AddSingleton<ICameraSource>(new FailingCameraList(new InvalidOperationException("the camera source is broken")));

        var exit = await run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", _root, "--slot", "2026-02-10T14:30:00Z");

        Assert.Equal(CollectorExitCodes.Unexpected, exit);
        var error = Assert.Single(run.LogLines, l => l.GetProperty("severity").GetString() == "ERROR");
        // Error Reporting reads the stack from stack_trace (cloud.google.com/error-reporting/docs/formatting-error-messages).
        var stack = error.GetProperty("stack_trace").GetString()!;
        Assert.StartsWith("System.InvalidOperationException: the camera source is broken", stack, StringComparison.Ordinal);
        Assert.Contains("   at ", stack, StringComparison.Ordinal);
        Assert.Equal("pax-collector-prod", error.GetProperty("serviceContext").GetProperty("service").GetString());
        Assert.Contains("failed unexpectedly", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(run.Error.ToString());
    }

    [Fact]
    public async Task On_Cloud_Run_a_failure_while_collecting_is_the_collectors_run_failure_not_a_startup_failure()
    {
        var run = new CollectorRun();
        run.Variables["CLOUD_RUN_JOB"] = "pax-collector-prod";
        run.ConfigureServices = services => services.AddSingleton<ICameraSource>(
            new FailingCameraList(new CameraApiException("the camera list could not be read (HTTP 503)", System.Net.HttpStatusCode.ServiceUnavailable)));

        var exit = await run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", _root, "--slot", "2026-02-10T14:30:00Z");

        Assert.Equal(CollectorExitCodes.Failed, exit);
        var entry = Assert.Single(run.LogLines, l => l.GetProperty("severity").GetString() is "ERROR" or "CRITICAL");
        Assert.Equal("CRITICAL", entry.GetProperty("severity").GetString());
        Assert.Equal("Pax.Collector.Job", entry.GetProperty("logger").GetString());
        Assert.Equal(("RunFailed", 1900), (entry.GetProperty("eventName").GetString(), entry.GetProperty("eventId").GetInt32()));
        Assert.Equal("Collection failed: the camera list could not be read (HTTP 503)", entry.GetProperty("message").GetString());
        Assert.False(entry.TryGetProperty("stack_trace", out _));
        Assert.Empty(run.Error.ToString());
    }

    /// <summary>A camera source whose list fails with <paramref name="failure"/>.</summary>
    private sealed class FailingCameraList(Exception failure) : ICameraSource
    {
        public Task<IReadOnlyList<Camera>> GetCamerasAsync(CancellationToken cancellationToken) => throw failure;

        public Task<CameraImage> FetchImageAsync(Camera camera, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("unreachable");
    }
}
